using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Engines;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Benchmarks.Policies;

namespace CorsGen.Benchmarks;

/// <summary>
/// Part 2, the floor: <c>https://(.+\.)?example\.com</c> (as Kong anchors it) matched by CorsGen's DFA,
/// by [GeneratedRegex], and by a hand-written check of the same language (prefix, suffix, and the middle
/// label's shape). Baseline: the hand-written check.
/// </summary>
[MemoryDiagnoser]
public class SinglePatternBenchmarks
{
    private SpanMatcher _corsGen = null!;
    private RegexEngines _engines = null!;
    private string _subject = "";

    [Params("https://api.example.com", "https://api.example.co", "https://example.com")]
    public string Origin { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _corsGen = GeneratedMatcher.For("Regex1Cors");
        _engines = new RegexEngines(GeneratedRegexes.For1(), BenchmarkOrigins.AnchoredRegex1);
        _subject = Origin;
        if (HandWrittenMatch(_subject) != _corsGen(_subject) || _engines.GeneratedRegex(_subject) != _corsGen(_subject))
        {
            throw new InvalidOperationException("The matchers disagree on " + Origin);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _engines.Dispose();

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public bool HandWritten() => HandWrittenMatch(_subject);

    [Benchmark(Description = "CorsGen DFA")]
    public bool CorsGen() => _corsGen(_subject);

    [Benchmark(Description = "[GeneratedRegex]")]
    public bool GeneratedRegex() => _engines.GeneratedRegex(_subject);

    /// <summary>
    /// <c>https://(.+\.)?example\.com$</c> anchored at the start: "https://", then nothing or a run of
    /// non-newline characters ending with '.', then "example.com", then the end or one final newline.
    /// </summary>
    private static bool HandWrittenMatch(ReadOnlySpan<char> subject)
    {
        if (subject.Length > 0 && subject[^1] == '\n')
        {
            subject = subject[..^1];
        }

        const string Prefix = "https://", Suffix = "example.com";
        if (subject.Length < Prefix.Length + Suffix.Length || !subject.StartsWith(Prefix) || !subject.EndsWith(Suffix))
        {
            return false;
        }

        var middle = subject[Prefix.Length..^Suffix.Length];
        return middle.IsEmpty || (middle.Length >= 2 && middle[^1] == '.' && !middle.Contains('\n'));
    }
}
