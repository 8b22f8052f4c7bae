using System.Diagnostics;
using CorsGen.Automata;
using CorsGen.Pcre;
using Xunit.Abstractions;

namespace CorsGen.Tests.Automata;

/// <summary>
/// Build times for typical origin regexes (the generator runs in the IDE). Bounds are generous so a
/// loaded CI machine does not flake; the printed figures are what to watch.
/// </summary>
[Collection(nameof(TimingCollection))]
public class PerformanceTests
{
    private readonly ITestOutputHelper _output;

    public PerformanceTests(ITestOutputHelper output) => _output = output;

    /// <summary>Distinct typical origin regexes, Kong-adjusted.</summary>
    public static List<string> TypicalPatterns(int count)
    {
        string[] shapes =
        {
            @"https://(.+\.)?{0}\.com$",
            @"(.*[./])?{0}\.test:8000$",
            @"^http://(.*[.])?{0}\.test(:(80|90))?$",
            @"^https://(www\.)?{0}\.(com|net)$",
            @"^https?://([a-z0-9-]+\.)*{0}\.org$",
        };
        var patterns = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = "site" + (char)('a' + (i % 26)) + (i / 26);
            patterns.Add(Automaton.KongAdjust(shapes[i % shapes.Length].Replace("{0}", name)));
        }

        return patterns;
    }

    private static RegexNode Parse(string pattern) => ParserDifferentialTests.ParseSupported(pattern) ?? throw new ArgumentException(pattern);

    private static RegexNode[] Parse(IEnumerable<string> patterns) => patterns.Select(Parse).ToArray();

    /// <summary>(median, minimum): the minimum is what the bounds check, as it is the least disturbed by a loaded machine.</summary>
    private static (double Median, double Min) Milliseconds(Func<DfaBuildResult> build, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = build();
            clock.Stop();
            Assert.True(result.Success, result.Message);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[0]);
    }

    [Fact]
    public void Typical_patterns_build_fast()
    {
        foreach (var count in new[] { 1, 10, 100 })
        {
            var asts = Parse(TypicalPatterns(count));
            Milliseconds(() => DfaBuilder.Build(asts), 3); // warm up the JIT
            var (median, min) = Milliseconds(() => DfaBuilder.Build(asts), count == 100 ? 15 : 51);
            var dfa = DfaBuilder.Build(asts).Dfa!;
            _output.WriteLine($"{count} patterns: median {median:F3} ms, min {min:F3} ms, {dfa.StateCount} states, {dfa.ClassCount} classes");
            Assert.True(min < count * 3.0, $"{count} patterns took {min} ms");
        }

        foreach (var pattern in new[] { @"https://(.+\.)?example\.com$", @"(.*[./])?foo\.test:8000$", @"^http://(.*[.])?foo\.test(:(80|90))?$" })
        {
            var ast = Parse(Automaton.KongAdjust(pattern));
            Milliseconds(() => DfaBuilder.Build(ast), 3);
            var (median, min) = Milliseconds(() => DfaBuilder.Build(ast), 101);
            var dfa = DfaBuilder.Build(ast).Dfa!;
            _output.WriteLine($"{pattern} -> {Automaton.KongAdjust(pattern)}: median {median:F3} ms, min {min:F3} ms, {dfa.StateCount} states, {dfa.ClassCount} classes, NFA {DfaBuilder.Build(ast).Nfa!.StateCount} states");
            Assert.True(min < 2.0, $"{pattern} took {min} ms");
        }
    }
}

/// <summary>Timing tests run alone, not beside the differential tests.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public class TimingCollection
{
}
