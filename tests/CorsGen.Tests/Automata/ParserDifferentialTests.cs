using System.Diagnostics;
using CorsGen.Pcre;
using Xunit.Abstractions;

namespace CorsGen.Tests.Automata;

/// <summary>
/// The whole pipeline (<see cref="PcreParser"/>, then the automata) against real PCRE2 on Kong-adjusted
/// patterns: at least 200,000 (pattern, subject) pairs per run with fixed seeds, and 0 disagreements
/// between <c>Dfa.IsMatch</c>, <c>Nfa.IsMatch</c> and <c>pcre2_match</c>. Set CORSGEN_FUZZ_SECONDS to
/// keep going that many seconds with fresh seeds; a disagreement's seed is printed.
/// </summary>
public class ParserDifferentialTests
{
    private const long TargetPairs = 200_000;

    private readonly ITestOutputHelper _output;

    public ParserDifferentialTests(ITestOutputHelper output) => _output = output;

    internal static RegexNode? ParseSupported(string pattern)
    {
        var result = PcreParser.Parse(pattern);
        return result.IsSupported ? result.Root : null;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Automata_agree_with_pcre2_on_parsed_patterns(int seed, bool extended)
    {
        Assert.True(Oracle.Pcre2.IsAvailable, "libpcre2-8 is needed for the differential tests");
        var harness = new DifferentialHarness(ParseSupported);
        var clock = Stopwatch.StartNew();
        harness.RunMix(seed, TargetPairs / 4, clock, TimeSpan.FromSeconds(40), extended: extended);
        _output.WriteLine($"seed {seed}: {harness.Summary()} in {clock.ElapsedMilliseconds} ms");
        Assert.True(harness.Disagreements == 0, harness.Summary() + "\n" + string.Join("\n", harness.Failures));
        Assert.True(harness.Pairs >= TargetPairs / 4, harness.Summary());
    }

    [Fact]
    public void Fuzz_for_CORSGEN_FUZZ_SECONDS()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("CORSGEN_FUZZ_SECONDS"), out var seconds) || seconds <= 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var seeds = new Random();
        long pairs = 0, disagreements = 0, patterns = 0, knownGaps = 0;
        var failures = new List<string>();
        while (clock.Elapsed < deadline)
        {
            var seed = seeds.Next();
            var harness = new DifferentialHarness(ParseSupported);
            harness.RunMix(seed, 20_000, clock, deadline, extended: seed % 2 == 0);
            pairs += harness.Pairs;
            patterns += harness.Patterns;
            disagreements += harness.Disagreements;
            knownGaps += harness.KnownParserGaps;
            foreach (var example in harness.KnownParserGapExamples)
            {
                _output.WriteLine("known parser gap: " + example);
            }

            if (harness.Disagreements > 0)
            {
                _output.WriteLine($"DISAGREEMENT with seed {seed}: {harness.Summary()}");
                Console.WriteLine($"CORSGEN_FUZZ: disagreement with seed {seed}");
                failures.AddRange(harness.Failures);
            }
        }

        var summary = $"fuzzed {seconds} s: {patterns} patterns, {pairs} pairs, {disagreements} disagreements, {knownGaps} known parser gaps (auto-possessified \\S/\\h)";
        _output.WriteLine(summary);
        Console.WriteLine("CORSGEN_FUZZ: " + summary);
        Assert.True(disagreements == 0, summary + "\n" + string.Join("\n", failures.Take(20)));
    }
}

/// <summary>The realistic corpus must not be skipped silently: every pattern in it is supported and builds.</summary>
public class RealisticCorpusTests
{
    [Fact]
    public void Every_realistic_pattern_parses_supported_and_builds()
    {
        foreach (var raw in PatternCorpus.Realistic)
        {
            var pattern = Automaton.KongAdjust(raw);
            var root = ParserDifferentialTests.ParseSupported(pattern);
            Assert.True(root != null, $"\"{Automaton.Escape(pattern)}\" is not supported by the parser");
            var result = CorsGen.Automata.DfaBuilder.Build(root!);
            Assert.True(result.Success, $"\"{Automaton.Escape(pattern)}\": {result.Message}");
        }
    }
}
