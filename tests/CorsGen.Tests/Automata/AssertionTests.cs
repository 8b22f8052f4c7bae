using static CorsGen.Tests.Automata.Ast;
using static CorsGen.Tests.Automata.Automaton;

namespace CorsGen.Tests.Automata;

/// <summary>Each assertion kind, with hand-built ASTs, at the edges where PCRE2's rules bite.</summary>
public class AssertionTests
{
    [Fact]
    public void Match_is_anchored_at_the_start_only()
    {
        var p = Lit("ab");
        Matches(p, "ab", "abc", "ab\n");
        Rejects(p, "", "a", "xab", "aab");
    }

    [Fact]
    public void Start_of_subject_holds_only_at_offset_zero()
    {
        Matches(Seq(StartOfSubject, Lit("a")), "a", "ab");
        Rejects(Seq(Char('a'), StartOfSubject, Lit("b")), "ab");
        Rejects(Seq(Lit("\n"), StartOfSubject), "\n");
        Matches(Seq(StartOfSubject, StartOfSubject), "", "x");
    }

    [Fact]
    public void Multiline_start_holds_at_zero_and_after_a_newline_that_is_not_last()
    {
        Matches(StartOfLine, "");
        Matches(Seq(Lit("a\n"), StartOfLine, Char('b')), "a\nb");
        Matches(Seq(Lit("a\n"), StartOfLine), "a\nb", "a\n\n");
        Rejects(Seq(Lit("a\n"), StartOfLine), "a\n");
        Rejects(Seq(Char('a'), StartOfLine), "ab", "a");
    }

    [Fact]
    public void Dollar_holds_at_the_end_or_before_a_final_newline()
    {
        var p = Seq(Lit("ab"), Dollar);
        Matches(p, "ab", "ab\n");
        Rejects(p, "abc", "ab\n\n", "ab\nx", "ab\r\n", "a");
        Matches(Seq(Lit("ab"), Dollar, Lit("\n")), "ab\n");
        Rejects(Seq(Lit("ab"), Dollar, Lit("\n")), "ab\nc", "ab");
        Matches(Seq(Lit("ab"), Dollar, Dollar), "ab", "ab\n");
        Matches(Dollar, "", "\n");
        Rejects(Dollar, "x", "\n\n");
    }

    [Fact]
    public void End_of_subject_holds_only_at_the_very_end()
    {
        var p = Seq(Lit("ab"), EndOfSubject);
        Matches(p, "ab");
        Rejects(p, "ab\n", "abc");
        Rejects(Seq(Lit("ab"), Dollar, Lit("\n"), Char('c')), "ab\nc");
    }

    [Fact]
    public void Multiline_dollar_holds_at_the_end_or_before_any_newline()
    {
        var p = Seq(Lit("ab"), EndOfLine);
        Matches(p, "ab", "ab\n", "ab\nxyz", "ab\n\n");
        Rejects(p, "abc", "ab\r");
        Matches(Seq(Lit("a"), EndOfLine, Lit("\n"), StartOfLine, Lit("b"), EndOfLine), "a\nb", "a\nb\nc");
    }

    [Fact]
    public void Word_boundary_compares_the_previous_and_next_code_unit()
    {
        Matches(Seq(Lit("ab"), WordBoundary), "ab", "ab.", "ab\n", "ab\u00e9");
        Rejects(Seq(Lit("ab"), WordBoundary), "abc", "ab_", "ab1");
        Matches(Seq(WordBoundary, Lit("a")), "a");
        Rejects(Seq(WordBoundary, Lit(".")), ".");
        Matches(Seq(Lit("."), WordBoundary, Lit("a")), ".a");
        Rejects(WordBoundary, "", ".", "\u00ff");
        Matches(WordBoundary, "x", "_");
    }

    [Fact]
    public void Not_word_boundary_is_the_complement()
    {
        Matches(Seq(Lit("ab"), NotWordBoundary), "abc", "ab_");
        Rejects(Seq(Lit("ab"), NotWordBoundary), "ab", "ab.", "ab\n");
        Matches(NotWordBoundary, "", ".", "\n");
        Rejects(NotWordBoundary, "a");
        Matches(Seq(Lit("."), NotWordBoundary, Lit(".")), "..");
    }

    [Fact]
    public void Contradictory_assertions_give_the_empty_language()
    {
        var dfa = Dfa(Seq(Char('a'), WordBoundary, NotWordBoundary));
        Assert.True(dfa.IsEmpty);
        Assert.Null(dfa.ShortestMatch());
        Assert.True(Dfa(Seq(EndOfSubject, Char('a'))).IsEmpty);
        Assert.True(Dfa(Seq(Char('a'), WordBoundary, Char('b'))).IsEmpty);
    }

    [Fact]
    public void Assertions_inside_loops_and_alternations()
    {
        var p = Seq(Star(Alt(WordBoundary, Range('a', 'z'), Char(' '))), Dollar);
        Matches(p, "ab cd", "a b\n", "");
        Rejects(p, "ab-cd");

        var words = Seq(Plus(Seq(WordBoundary, Plus(Range('a', 'z')), WordBoundary, Opt(Char(' ')))), EndOfSubject);
        Matches(words, "ab cd", "ab");
        Rejects(words, "ab cd\n", "ab  cd");
    }

    [Fact]
    public void Code_units_above_255_never_match()
    {
        Rejects(Seq(Any, Dollar), "\u0100", "\u20ac");
        Matches(Lit("a"), "a\u0100");
    }
}
