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

    /// <summary>
    /// This thread's CPU time in ms (Linux schedstat), or null elsewhere. Wall time on a loaded
    /// 2-core machine says more about the neighbours than about the code; CPU time does not.
    /// </summary>
    private static double? ThreadCpuMilliseconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1e6;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Per build: (CPU ms when known, else min wall ms; median wall ms).</summary>
    private static (double Cost, double MedianWall) Milliseconds(Func<DfaBuildResult> build, int runs, int warmups)
    {
        // Warm up past tiered compilation's promotion threshold: the IDE runs the generator again and again.
        for (var i = 0; i < warmups; i++)
        {
            Assert.True(build().Success);
        }

        Thread.Sleep(200);

        var times = new List<double>();
        var cpuStart = ThreadCpuMilliseconds();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            build();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuEnd = ThreadCpuMilliseconds();
        times.Sort();
        var cost = cpuStart is { } a && cpuEnd is { } b ? (b - a) / runs : times[0];
        return (cost, times[times.Count / 2]);
    }

    [Fact]
    public void Typical_patterns_build_fast()
    {
        foreach (var pattern in new[] { @"https://(.+\.)?example\.com$", @"(.*[./])?foo\.test:8000$", @"^http://(.*[.])?foo\.test(:(80|90))?$" })
        {
            var ast = Parse(Automaton.KongAdjust(pattern));
            var (cost, median) = Milliseconds(() => DfaBuilder.Build(ast), 200, 60);
            var dfa = DfaBuilder.Build(ast).Dfa!;
            _output.WriteLine($"{pattern} -> {Automaton.KongAdjust(pattern)}: {cost:F3} ms CPU per build (median wall {median:F3} ms), {dfa.StateCount} states, {dfa.ClassCount} classes, NFA {DfaBuilder.Build(ast).Nfa!.StateCount} states");
            Assert.True(cost < 1.0, $"{pattern} took {cost} ms");
        }

        foreach (var count in new[] { 1, 10, 100 })
        {
            var asts = Parse(TypicalPatterns(count));
            var (cost, median) = Milliseconds(() => DfaBuilder.Build(asts), count == 100 ? 20 : 100, count == 100 ? 10 : 60);
            var dfa = DfaBuilder.Build(asts).Dfa!;
            _output.WriteLine($"{count} patterns: {cost:F3} ms CPU per build (median wall {median:F3} ms), {dfa.StateCount} states, {dfa.ClassCount} classes");
            Assert.True(cost < count * 2.0, $"{count} patterns took {cost} ms");
        }
    }
}

/// <summary>Timing tests run alone, not beside the differential tests.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public class TimingCollection
{
}
