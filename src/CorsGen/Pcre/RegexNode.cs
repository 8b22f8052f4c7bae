using System.Collections.Immutable;

namespace CorsGen.Pcre
{
    /// <summary>
    /// The parsed form of a PCRE2 pattern, reduced to what decides a yes/no anchored match:
    /// sets of code units, sequences, alternations, repeats and zero-width assertions.
    /// Options (<c>(?i)</c>, <c>(?s)</c>, <c>(?x)</c>...), escapes, POSIX classes and <c>.</c> are
    /// already resolved by the parser; groups survive only as <see cref="GroupNode"/> for locations.
    /// Every node carries the span of pattern text it came from, for diagnostics.
    /// </summary>
    internal abstract record RegexNode(int Offset, int Length);

    /// <summary>Matches exactly one code unit from <see cref="Set"/>.</summary>
    internal sealed record SetNode(ByteSet Set, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>Matches its items one after the other; with no items it matches the empty string.</summary>
    internal sealed record SequenceNode(ImmutableArray<RegexNode> Items, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>Matches any one of its alternatives (PCRE2 tries them in order; for a yes/no match order is irrelevant).</summary>
    internal sealed record AlternationNode(ImmutableArray<RegexNode> Alternatives, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>
    /// <see cref="Body"/> repeated <see cref="Min"/>..<see cref="Max"/> times (<see cref="Max"/> = -1: unbounded).
    /// Greedy or lazy does not change whether an anchored match exists, so it is kept only for display.
    /// Possessive repeats are never represented by this node (they are unsupported constructs).
    /// </summary>
    internal sealed record RepeatNode(RegexNode Body, int Min, int Max, bool Lazy, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>A capturing or non-capturing group, kept for source locations; matches as <see cref="Body"/>.</summary>
    internal sealed record GroupNode(RegexNode Body, bool Capturing, string? Name, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>A zero-width assertion.</summary>
    internal sealed record AssertionNode(AssertionKind Kind, int Offset, int Length) : RegexNode(Offset, Length);

    /// <summary>
    /// A construct PCRE2 accepts but a finite automaton cannot express exactly (backreference,
    /// lookaround, atomic group, possessive quantifier, recursion, conditional, backtracking verb,
    /// callout, <c>\C</c>, <c>\X</c>, <c>\R</c>, Unicode property...). <see cref="Construct"/> names it
    /// for the CORS002 message ("a backreference", "a lookahead assertion"...).
    /// </summary>
    internal sealed record UnsupportedNode(string Construct, int Offset, int Length) : RegexNode(Offset, Length);

    internal enum AssertionKind
    {
        /// <summary><c>\A</c>, <c>^</c> outside multiline mode, and <c>\G</c> (the match starts at offset 0).</summary>
        StartOfSubject,

        /// <summary>
        /// <c>^</c> in multiline mode: at the start, or right after a newline that is not the subject's last code unit
        /// (PCRE2 does not match <c>^</c> at the very end, even after a newline).
        /// </summary>
        StartOfLine,

        /// <summary><c>$</c> outside multiline mode, and <c>\Z</c>: at the end, or before a newline that is the last code unit.</summary>
        EndOfSubjectOrBeforeFinalNewline,

        /// <summary><c>\z</c>: at the very end.</summary>
        EndOfSubject,

        /// <summary><c>$</c> in multiline mode: at the end or before any newline.</summary>
        EndOfLine,

        /// <summary><c>\b</c>: between a word and a non-word code unit (ASCII <c>[A-Za-z0-9_]</c>; the subject's edges count as non-word).</summary>
        WordBoundary,

        /// <summary><c>\B</c>: not a word boundary.</summary>
        NotWordBoundary,
    }
}
