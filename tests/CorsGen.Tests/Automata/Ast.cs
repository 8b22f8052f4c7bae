using System.Collections.Immutable;
using CorsGen.Pcre;

namespace CorsGen.Tests.Automata;

/// <summary>Hand-built ASTs for the automata tests (offsets are irrelevant here).</summary>
internal static class Ast
{
    public static RegexNode Set(ByteSet set) => new SetNode(set, 0, 0);

    public static RegexNode Char(char c) => Set(ByteSet.Single(c));

    public static RegexNode Range(char first, char last) => Set(ByteSet.Range(first, last));

    /// <summary>PCRE2's <c>.</c> without dotall: anything but <c>\n</c>.</summary>
    public static RegexNode Dot => Set(ByteSet.Single('\n').Complement());

    public static RegexNode Any => Set(ByteSet.All);

    public static RegexNode Lit(string text) => Seq(text.Select(Char).ToArray());

    public static RegexNode Seq(params RegexNode[] items) => new SequenceNode(ImmutableArray.Create(items), 0, 0);

    public static RegexNode Alt(params RegexNode[] alternatives) => new AlternationNode(ImmutableArray.Create(alternatives), 0, 0);

    public static RegexNode Group(RegexNode body) => new GroupNode(body, true, null, 0, 0);

    public static RegexNode Rep(RegexNode body, int min, int max) => new RepeatNode(body, min, max, false, 0, 0);

    public static RegexNode Star(RegexNode body) => Rep(body, 0, -1);

    public static RegexNode Plus(RegexNode body) => Rep(body, 1, -1);

    public static RegexNode Opt(RegexNode body) => Rep(body, 0, 1);

    public static RegexNode Assertion(AssertionKind kind) => new AssertionNode(kind, 0, 0);

    public static RegexNode StartOfSubject => Assertion(AssertionKind.StartOfSubject);

    public static RegexNode StartOfLine => Assertion(AssertionKind.StartOfLine);

    public static RegexNode Dollar => Assertion(AssertionKind.EndOfSubjectOrBeforeFinalNewline);

    public static RegexNode EndOfSubject => Assertion(AssertionKind.EndOfSubject);

    public static RegexNode EndOfLine => Assertion(AssertionKind.EndOfLine);

    public static RegexNode WordBoundary => Assertion(AssertionKind.WordBoundary);

    public static RegexNode NotWordBoundary => Assertion(AssertionKind.NotWordBoundary);

    public static RegexNode Empty => Seq();

    public static RegexNode Unsupported(string construct) => new UnsupportedNode(construct, 0, 0);
}
