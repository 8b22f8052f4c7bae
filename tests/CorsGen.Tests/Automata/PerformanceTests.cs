using CorsGen.Automata;
using CorsGen.Pcre;
using Xunit.Abstractions;

namespace CorsGen.Tests.Automata;

/// <summary>The size of the automata typical origin regexes give (their build time is a benchmark's job).</summary>
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
    /// The automata the generator builds for typical origins stay small, so the emitted matchers stay
    /// small and their build stays cheap. What the build costs in time is measured by BenchmarkDotNet
    /// (bench/CorsGen.Benchmarks, GeneratorBenchmarks), not by a timed test.
    /// </summary>
    [Theory]
    [InlineData(@"https://(.+\.)?example\.com$", 24)]
    [InlineData(@"(.*[./])?foo\.test:8000$", 17)]
    [InlineData(@"^http://(.*[.])?foo\.test(:(80|90))?$", 22)]
    public void Typical_patterns_have_small_minimal_automata(string pattern, int states)
    {
        var dfa = DfaBuilder.Build(Parse(Automaton.KongAdjust(pattern))).Dfa!;
        _output.WriteLine($"{pattern}: {dfa.StateCount} states, {dfa.ClassCount} classes");
        Assert.Equal(states, dfa.StateCount);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(10, 200)]
    [InlineData(100, 400)]
    public void Unions_of_typical_patterns_stay_small(int count, int maxStates)
    {
        var dfa = DfaBuilder.Build(Parse(TypicalPatterns(count))).Dfa!;
        _output.WriteLine($"{count} patterns: {dfa.StateCount} states, {dfa.ClassCount} classes");
        Assert.InRange(dfa.StateCount, 1, maxStates);
    }
}

/// <summary>Timing tests run alone, not beside the differential tests.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public class TimingCollection
{
}
