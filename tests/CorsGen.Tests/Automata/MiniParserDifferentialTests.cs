using System.Diagnostics;
using Xunit.Abstractions;

namespace CorsGen.Tests.Automata;

/// <summary>
/// The automata against real PCRE2, with patterns parsed by the test-only <see cref="MiniPcre"/>:
/// checks the automata layer independently of the project's parser.
/// </summary>
public class MiniParserDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public MiniParserDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Automata_agree_with_pcre2_on_mini_parser_patterns()
    {
        Assert.True(Oracle.Pcre2.IsAvailable, "libpcre2-8 is needed for the differential tests");
        var harness = new DifferentialHarness(MiniPcre.Parse);
        var clock = Stopwatch.StartNew();
        harness.RunMix(seed: 20240601, targetPairs: 60_000, clock, TimeSpan.FromSeconds(30));
        _output.WriteLine(harness.Summary() + $" in {clock.ElapsedMilliseconds} ms");
        Assert.True(harness.Disagreements == 0, harness.Summary() + "\n" + string.Join("\n", harness.Failures));
        Assert.True(harness.Pairs >= 60_000, harness.Summary());
    }
}
