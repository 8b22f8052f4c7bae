using CorsGen.Automata;
using CorsGen.Pcre;

namespace CorsGen.Tests.Automata;

/// <summary>
/// The two ways to a union DFA, determinizing the union NFA or taking the product of per-pattern
/// minimal DFAs, must give identical canonical tables: a check of the product, the minimizer and
/// canonical numbering at once.
/// </summary>
public class UnionRouteTests
{
    [Fact]
    public void Product_of_minimal_dfas_equals_determinized_union_nfa()
    {
        var random = new Random(7);
        var compared = 0;
        for (var round = 0; round < 400; round++)
        {
            var patterns = new List<RegexNode>();
            var count = random.Next(2, 6);
            while (patterns.Count < count)
            {
                var text = random.Next(3) == 0
                    ? Automaton.KongAdjust(PatternCorpus.Realistic[random.Next(PatternCorpus.Realistic.Length)])
                    : PatternCorpus.Random(random);
                try
                {
                    patterns.Add(MiniPcre.Parse(text));
                }
                catch (FormatException)
                {
                }
            }

            var viaProduct = DfaBuilder.Build(patterns);
            var viaNfa = DfaBuilder.BuildFromUnionNfa(patterns);
            Assert.Equal(viaNfa.Status, viaProduct.Status);
            if (viaNfa.Success)
            {
                Assert.Equal(viaNfa.Dfa, viaProduct.Dfa);
                compared++;
            }
        }

        Assert.True(compared > 300, $"{compared} compared");
    }

    [Fact]
    public void Typical_policies_agree_too()
    {
        foreach (var count in new[] { 2, 10, 40 })
        {
            var asts = PerformanceTests.TypicalPatterns(count).Select(MiniPcre.Parse).ToArray();
            Assert.Equal(DfaBuilder.BuildFromUnionNfa(asts).Dfa, DfaBuilder.Build(asts).Dfa);
        }
    }

    [Fact]
    public void A_pattern_over_the_cap_alone_is_decided_on_the_union()
    {
        var big = MiniPcre.Parse("(a|b)*a(a|b){20}$");
        var all = MiniPcre.Parse("");
        var result = DfaBuilder.Build(new[] { big, all });
        Assert.True(result.Success);
        Assert.True(result.Dfa!.MatchesEverything);
        Assert.True(DfaBuilder.Build(new[] { big, MiniPcre.Parse("x$") }).StateCapExceeded);
    }
}
