using CorsGen.Automata;
using static CorsGen.Tests.Automata.Ast;
using static CorsGen.Tests.Automata.Automaton;

namespace CorsGen.Tests.Automata;

/// <summary>Union, minimization and canonical numbering, the state cap, and the facts a DFA offers.</summary>
public class DfaBuilderTests
{
    [Fact]
    public void Union_matches_what_any_pattern_matches()
    {
        var a = Seq(Lit("http://a.test"), Dollar);
        var b = Seq(Lit("https://b.test"), Dollar);
        var dfa = Dfa(a, b);
        Assert.True(dfa.IsMatch("http://a.test"));
        Assert.True(dfa.IsMatch("https://b.test\n"));
        Assert.False(dfa.IsMatch("http://b.test"));
        Assert.False(dfa.IsMatch("https://a.test"));
        Assert.Equal(dfa, Dfa(b, a));
    }

    [Fact]
    public void No_pattern_gives_the_empty_language()
    {
        var dfa = Dfa();
        Assert.True(dfa.IsEmpty);
        Assert.False(dfa.IsMatch(""));
        Assert.Equal(1, dfa.StateCount);
    }

    [Fact]
    public void Per_pattern_matches_are_available_for_diagnostics()
    {
        var set = PatternSet.Build(new[] { Seq(Lit("a"), Dollar), Seq(Star(Range('a', 'z')), Dollar), Lit("b") });
        Assert.Equal(new[] { 0, 1 }, set.MatchingPatterns("a"));
        Assert.Equal(new[] { 1, 2 }, set.MatchingPatterns("b"));
        Assert.Equal(new[] { 2 }, set.MatchingPatterns("b-"));
        Assert.Empty(set.MatchingPatterns("-"));
    }

    [Fact]
    public void Equivalent_patterns_give_identical_tables()
    {
        // (a|b)*c$ and [ab]*c$ and (a*b*)*c$: one language.
        var one = Dfa(Seq(Star(Alt(Char('a'), Char('b'))), Char('c'), Dollar));
        var two = Dfa(Seq(Star(Range('a', 'b')), Char('c'), Dollar));
        var three = Dfa(Seq(Star(Seq(Star(Char('a')), Star(Char('b')))), Char('c'), Dollar));
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        Assert.Equal(one.GetHashCode(), three.GetHashCode());
        Assert.True(one.Transitions.SequenceEqual(three.Transitions));

        // x(ab)*$ vs x(a(ba)*b)?$; \z-free: a pattern that always matches equals the empty pattern.
        Assert.Equal(Dfa(Seq(Char('x'), Star(Lit("ab")), Dollar)), Dfa(Seq(Char('x'), Opt(Seq(Char('a'), Star(Lit("ba")), Char('b'))), Dollar)));
        Assert.Equal(Dfa(Empty), Dfa(Star(Char('a'))));
        Assert.Equal(Dfa(Lit("ab")), Dfa(Seq(Lit("ab"), Star(Any))));

        // \b before a word char equals "not after a word char", which at the start always holds.
        Assert.Equal(Dfa(Seq(WordBoundary, Range('a', 'z'))), Dfa(Range('a', 'z')));
        Assert.NotEqual(Dfa(Seq(Lit("ab"), Dollar)), Dfa(Seq(Lit("ab"), EndOfSubject)));
    }

    [Fact]
    public void Minimal_dfa_has_one_match_and_one_dead_state()
    {
        // With '$' no state accepts every continuation ("\n" must then end the subject): no match state.
        Assert.Equal(-1, Dfa(Seq(Lit("https://"), Opt(Seq(Plus(Dot), Char('.'))), Lit("example.com"), Dollar)).MatchState);

        var dfa = Dfa(Seq(Lit("https://"), Opt(Seq(Plus(Dot), Char('.'))), Lit("example.com")));
        Assert.True(dfa.MatchState >= 0);
        Assert.True(dfa.DeadState >= 0);
        Assert.Equal(0, dfa.StartState);
        for (var c = 0; c < dfa.ClassCount; c++)
        {
            Assert.Equal(dfa.MatchState, dfa.Next(dfa.MatchState, c));
            Assert.Equal(dfa.DeadState, dfa.Next(dfa.DeadState, c));
        }

        Assert.True(dfa.AcceptsAtEnd[dfa.MatchState]);
        Assert.False(dfa.AcceptsAtEnd[dfa.DeadState]);
        Assert.Equal(256, dfa.ByteClasses.Length);
    }

    [Fact]
    public void Facts_literal_prefix_and_shortest_match()
    {
        var dfa = Dfa(Seq(Lit("https://"), Opt(Seq(Plus(Dot), Char('.'))), Lit("example.com"), Dollar));
        Assert.Equal("https://", dfa.LiteralPrefix);
        Assert.Equal("https://example.com", dfa.ShortestMatch());
        Assert.False(dfa.IsEmpty);

        var either = Dfa(Seq(Lit("http"), Opt(Char('s')), Lit("://x"), Dollar));
        Assert.Equal("http", either.LiteralPrefix);
        Assert.Equal("http://x", either.ShortestMatch());

        Assert.Equal("", Dfa(Star(Char('a'))).LiteralPrefix);
        Assert.Equal("", Dfa(Star(Char('a'))).ShortestMatch());
        Assert.Equal("ab", Dfa(Lit("ab")).LiteralPrefix);
    }

    [Fact]
    public void State_cap_is_reported_not_thrown()
    {
        // (a|b)*a(a|b){20}$: the DFA must remember the last 21 letters.
        var pattern = Seq(Star(Alt(Char('a'), Char('b'))), Char('a'), Rep(Group(Alt(Char('a'), Char('b'))), 20, 20), Dollar);
        var result = DfaBuilder.Build(pattern);
        Assert.Equal(AutomatonBuildStatus.DfaStateCapExceeded, result.Status);
        Assert.True(result.StateCapExceeded);
        Assert.Null(result.Dfa);
        Assert.NotNull(result.Nfa);

        // The NFA is the fallback: it still decides the match.
        var subject = "ab" + "a" + new string('b', 20);
        Assert.True(result.Nfa!.IsMatch(subject));
        Assert.False(result.Nfa.IsMatch("ab" + "b" + new string('b', 20)));

        // With a small cap a small pattern also reports it.
        var capped = DfaBuilder.Build(Seq(Star(Alt(Char('a'), Char('b'))), Char('a'), Rep(Group(Alt(Char('a'), Char('b'))), 3, 3), Dollar), maxStates: 10);
        Assert.True(capped.StateCapExceeded);
        var enough = DfaBuilder.Build(Seq(Star(Alt(Char('a'), Char('b'))), Char('a'), Rep(Group(Alt(Char('a'), Char('b'))), 3, 3), Dollar), maxStates: 64);
        Assert.True(enough.Success);
    }

    [Fact]
    public void Value_equality_compares_tables_not_references()
    {
        var x = Dfa(Seq(Lit("a"), Dollar));
        var y = Dfa(Seq(Lit("a"), Dollar));
        Assert.NotSame(x, y);
        Assert.True(x.Equals(y));
        Assert.True(x.Equals((object)y));
        Assert.False(x.Equals(null));
        Assert.NotEqual(x, Dfa(Seq(Lit("b"), Dollar)));
    }
}
