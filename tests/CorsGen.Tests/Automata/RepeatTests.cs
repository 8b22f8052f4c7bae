using CorsGen.Automata;
using static CorsGen.Tests.Automata.Ast;
using static CorsGen.Tests.Automata.Automaton;

namespace CorsGen.Tests.Automata;

/// <summary><c>{n,m}</c> expansion, empty alternatives and nesting, with hand-built ASTs.</summary>
public class RepeatTests
{
    [Fact]
    public void Zero_repeats_match_the_empty_string_only()
    {
        var p = Seq(Rep(Char('a'), 0, 0), Dollar);
        Matches(p, "", "\n");
        Rejects(p, "a");
    }

    [Fact]
    public void Bounded_repeat_counts_exactly()
    {
        var p = Seq(Rep(Char('a'), 2, 5), EndOfSubject);
        Rejects(p, "", "a", "aaaaaa", "aab");
        Matches(p, "aa", "aaa", "aaaa", "aaaaa");
    }

    [Fact]
    public void At_least_repeat_has_no_upper_bound()
    {
        var p = Seq(Rep(Char('a'), 3, -1), EndOfSubject);
        Rejects(p, "", "aa", "aaab");
        Matches(p, "aaa", new string('a', 1000));
    }

    [Fact]
    public void Nested_repeats_multiply()
    {
        // (a{2}){3} = a{6}; (a{2,3}){2} = a{4,6}; (a?){3} = a{0,3}
        Assert.Equal(Dfa(Seq(Rep(Char('a'), 6, 6), EndOfSubject)), Dfa(Seq(Rep(Group(Rep(Char('a'), 2, 2)), 3, 3), EndOfSubject)));
        Assert.Equal(Dfa(Seq(Rep(Char('a'), 4, 6), EndOfSubject)), Dfa(Seq(Rep(Group(Rep(Char('a'), 2, 3)), 2, 2), EndOfSubject)));
        Assert.Equal(Dfa(Seq(Rep(Char('a'), 0, 3), EndOfSubject)), Dfa(Seq(Rep(Opt(Char('a')), 3, 3), EndOfSubject)));
        Assert.Equal(Dfa(Seq(Star(Char('a')), EndOfSubject)), Dfa(Seq(Star(Star(Char('a'))), EndOfSubject)));
        Assert.Equal(Dfa(Seq(Rep(Char('a'), 2, -1), EndOfSubject)), Dfa(Seq(Rep(Plus(Rep(Char('a'), 2, 2)), 1, -1), Rep(Char('a'), 0, 1), EndOfSubject)));
    }

    [Fact]
    public void Empty_alternatives_match_the_empty_string()
    {
        var p = Seq(Lit("a"), Group(Alt(Lit("b"), Empty)), Lit("c"), EndOfSubject);
        Matches(p, "abc", "ac");
        Rejects(p, "abbc", "a");
        Matches(Alt(Empty, Lit("x")), "", "y");
        Assert.True(Dfa(Alt(Empty, Lit("x"))).MatchesEverything);
    }

    [Fact]
    public void Repeated_empty_bodies_terminate()
    {
        var p = Seq(Star(Star(Opt(Char('a')))), Rep(Alt(Empty, WordBoundary), 2, -1), EndOfSubject);
        Matches(p, "", "aaa");
        Rejects(p, "b", "aab");
    }

    [Fact]
    public void Huge_expansions_fail_as_results()
    {
        var huge = Rep(Rep(Rep(Char('a'), 1000, 1000), 1000, 1000), 1000, 1000);
        var result = DfaBuilder.Build(huge);
        Assert.Equal(AutomatonBuildStatus.NfaStateCapExceeded, result.Status);
        Assert.Null(result.Dfa);
        Assert.Null(result.Nfa);
        Assert.False(string.IsNullOrEmpty(result.Message));

        var small = NfaBuilder.Build(Rep(Char('a'), 50, 50), maxStates: 40);
        Assert.Equal(AutomatonBuildStatus.NfaStateCapExceeded, small.Status);
    }

    [Fact]
    public void Unsupported_constructs_are_refused()
    {
        var unsupported = Unsupported("a backreference");
        var result = DfaBuilder.Build(new[] { Lit("ok"), Seq(Lit("a"), Rep(unsupported, 0, 0)) });
        Assert.Equal(AutomatonBuildStatus.UnsupportedConstruct, result.Status);
        Assert.Same(unsupported, result.Unsupported);
        Assert.Equal(1, result.PatternIndex);
        Assert.Contains("a backreference", result.Message);
    }
}

/// <summary>Shapes whose automata would be huge must fail fast, as results, within bounded memory.</summary>
public class PathologicalSizeTests
{
    [Fact]
    public void Long_chains_of_optional_items_are_bounded()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = DfaBuilder.Build(Ast.Seq(Ast.Rep(Ast.Opt(Ast.Char('a')), 20000, 20000), Ast.Dollar));
        Assert.False(result.Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Moderate_chains_still_build()
    {
        var result = DfaBuilder.Build(Ast.Seq(Ast.Rep(Ast.Opt(Ast.Char('a')), 500, 500), Ast.Dollar));
        Assert.True(result.Success, result.Message);
        Assert.True(result.Dfa!.IsMatch(new string('a', 500)));
        Assert.False(result.Dfa.IsMatch(new string('a', 501)));
    }
}
