using Xunit.Abstractions;

namespace CorsGen.Tests.Pcre;

/// <summary>
/// Our parser must accept exactly the patterns PCRE2 10.42 accepts. Each corpus is compared pattern by pattern
/// with the real library; a failure lists the counts and the first disagreements.
/// </summary>
public class ValidityDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public ValidityDifferentialTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Hand_written_edge_cases_agree_with_pcre2() => AssertAgreement("edge cases", PatternCorpus.EdgeCases, exactErrors: true);

    [Fact]
    public void Origin_regexes_agree_with_pcre2() => AssertAgreement("origin regexes", PatternCorpus.OriginRegexes, exactErrors: true);

    [Fact]
    public void Mutated_origin_regexes_agree_with_pcre2() =>
        AssertAgreement("mutations", PatternCorpus.Mutations(3000, seed: 20240501).ToArray(), exactErrors: true);

    [Fact]
    public void Generated_patterns_agree_with_pcre2() =>
        AssertAgreement("generated", PatternCorpus.Generated(3000, seed: 4242).ToArray(), exactErrors: true);

    [Fact]
    public void The_corpus_is_large_and_mixed()
    {
        var all = PatternCorpus.EdgeCases
            .Concat(PatternCorpus.OriginRegexes)
            .Concat(PatternCorpus.Mutations(3000, seed: 20240501))
            .Concat(PatternCorpus.Generated(3000, seed: 4242))
            .Distinct()
            .ToArray();
        var valid = all.Count(p => CorsGen.Tests.Oracle.Pcre2.TryCompile(p, utf8: true).Ok);
        _output.WriteLine($"{all.Length} distinct patterns, {valid} valid, {all.Length - valid} invalid");
        Assert.True(all.Length >= 2000, $"only {all.Length} distinct patterns");
        Assert.True(valid >= 500 && all.Length - valid >= 500, $"unbalanced corpus: {valid} valid of {all.Length}");
    }

    private void AssertAgreement(string name, IReadOnlyCollection<string> patterns, bool exactErrors)
    {
        var outcomes = patterns.Select(PcreDifferential.Compare).ToList();
        var validityMismatches = outcomes.Where(o => !o.SameValidity).ToList();
        var errorMismatches = outcomes.Where(o => o.SameValidity && !o.SameError).ToList();
        var accepted = outcomes.Count(o => o.PcreOk);
        _output.WriteLine(
            $"{name}: {outcomes.Count} patterns ({accepted} valid), accept/reject agreement {outcomes.Count - validityMismatches.Count}/{outcomes.Count}, " +
            $"exact error agreement {outcomes.Count - validityMismatches.Count - errorMismatches.Count}/{outcomes.Count}");

        var failures = validityMismatches.Concat(exactErrors ? errorMismatches : Enumerable.Empty<PcreDifferential.Outcome>()).ToList();
        Assert.True(
            failures.Count == 0,
            $"{name}: {validityMismatches.Count} accept/reject and {errorMismatches.Count} error disagreements out of {outcomes.Count}; first ones:\n" +
            string.Join("\n", failures.Take(25)));
    }
}
