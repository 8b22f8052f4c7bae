using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Engines;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Benchmarks.Policies;

namespace CorsGen.Benchmarks;

/// <summary>What a subject is to the patterns.</summary>
public enum Subject
{
    /// <summary><c>https://api.example.com</c>: matched by the last entry.</summary>
    Hit,

    /// <summary><c>https://api.example.co</c>: one character short.</summary>
    NearMiss,

    /// <summary>10 KB: <c>https://a.a.a....example.co</c>, a long near miss.</summary>
    Adversarial10KB,
}

/// <summary>
/// Part 2: matching an origin against 1, 10 and 100 regex entries. CorsGen runs one generated DFA over
/// the subject whatever the number of entries; the regex engines hold one regex per entry and try them
/// in order ([GeneratedRegex], RegexOptions.Compiled, RegexOptions.NonBacktracking, and PCRE2 with JIT
/// through P/Invoke, the engine Kong runs). Baseline: [GeneratedRegex].
/// </summary>
[MemoryDiagnoser]
public class OriginMatchingBenchmarks
{
    private SpanMatcher _corsGen = null!;
    private RegexEngines _engines = null!;
    private string _subject = "";
    private byte[] _subjectBytes = [];

    [Params(1, 10, 100)]
    public int Patterns { get; set; }

    [Params(Subject.Hit, Subject.NearMiss, Subject.Adversarial10KB)]
    public Subject Subject { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corsGen = GeneratedMatcher.For($"Regex{Patterns}Cors");
        var (generated, anchored) = Patterns switch
        {
            1 => (GeneratedRegexes.For1(), BenchmarkOrigins.AnchoredRegex1),
            10 => (GeneratedRegexes.For10(), BenchmarkOrigins.AnchoredRegex10),
            _ => (GeneratedRegexes.For100(), BenchmarkOrigins.AnchoredRegex100),
        };
        _engines = new RegexEngines(generated, anchored);
        _subject = Subject switch
        {
            Subject.Hit => "https://api.example.com",
            Subject.NearMiss => "https://api.example.co",
            _ => "https://" + string.Concat(Enumerable.Repeat("a.", 5_000)) + "example.co",
        };
        _subjectBytes = RegexEngines.Bytes(_subject);
        var expected = Subject == Subject.Hit;
        if (_corsGen(_subject) != expected || _engines.GeneratedRegex(_subject) != expected || _engines.Pcre2Jit(_subjectBytes) != expected)
        {
            throw new InvalidOperationException("The engines disagree on " + Subject);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _engines.Dispose();

    [Benchmark(Description = "CorsGen DFA")]
    public bool CorsGen() => _corsGen(_subject);

    [Benchmark(Baseline = true, Description = "[GeneratedRegex]")]
    public bool GeneratedRegex() => _engines.GeneratedRegex(_subject);

    [Benchmark(Description = "RegexOptions.Compiled")]
    public bool Compiled() => _engines.Compiled(_subject);

    [Benchmark(Description = "NonBacktracking")]
    public bool NonBacktracking() => _engines.NonBacktracking(_subject);

    [Benchmark(Description = "PCRE2-JIT (P/Invoke)")]
    public bool Pcre2Jit() => _engines.Pcre2Jit(_subjectBytes);
}
