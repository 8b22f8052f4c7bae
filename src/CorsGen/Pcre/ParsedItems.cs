using System.Collections.Generic;

namespace CorsGen.Pcre
{
    // The parser's internal tree: what PCRE2's parse pass (parse_regex) produces, before the checks that
    // PCRE2 runs after parsing (lookbehind lengths, references, conditional branches) and before it is
    // reduced to the public RegexNode AST. Spans are [Offset, End) in bytes of the UTF-8 pattern.

    internal abstract class ParsedItem
    {
        protected ParsedItem(int offset, int end)
        {
            Offset = offset;
            End = end;
        }

        public int Offset { get; }

        public int End { get; set; }
    }

    /// <summary>One literal character (a byte without UTF; a code point after <c>(*UTF)</c>).</summary>
    internal sealed class ParsedChar : ParsedItem
    {
        public ParsedChar(int value, bool caseless, int offset, int end) : base(offset, end)
        {
            Value = value;
            Caseless = caseless;
        }

        public int Value { get; }

        public bool Caseless { get; }
    }

    /// <summary>An item matching one character from a set: a class, <c>.</c>, <c>\d</c>, <c>\N</c>...</summary>
    internal sealed class ParsedSet : ParsedItem
    {
        public ParsedSet(ByteSet set, int offset, int end) : base(offset, end)
        {
            Set = set;
        }

        public ByteSet Set { get; }

        /// <summary>How PCRE2 compiles it, which decides its compiled size and how a quantifier is compiled.</summary>
        public SetShape Shape { get; set; } = SetShape.CharType;

        /// <summary>Code units of the compiled item (PCRE2's sizing pass).</summary>
        public int CodeLength { get; set; } = 1;

        /// <summary>For <see cref="SetShape.Char"/> and <see cref="SetShape.CharType"/>: the units a repeat opcode carries.</summary>
        public int RepeatUnit { get; set; } = 1;

        /// <summary>Set when the class holds something a byte set cannot express (<c>\p</c> in a class).</summary>
        public string? UnsupportedConstruct { get; set; }

        public int UnsupportedOffset { get; set; }

        public int UnsupportedEnd { get; set; }
    }

    internal enum SetShape
    {
        /// <summary>Compiled as one (possibly caseless or negated) character: a one-character class.</summary>
        Char,

        /// <summary>A character type such as <c>.</c> or <c>\d</c> (a property when <see cref="ParsedSet.RepeatUnit"/> is 3).</summary>
        CharType,

        /// <summary>A class bitmap (or extended class): quantifiers follow it.</summary>
        Class,
    }

    internal sealed class ParsedAssertion : ParsedItem
    {
        public ParsedAssertion(AssertionKind kind, int offset, int end) : base(offset, end)
        {
            Kind = kind;
        }

        public AssertionKind Kind { get; }
    }

    /// <summary><c>\K</c>: no effect on a yes/no match, but forbidden inside lookarounds.</summary>
    internal sealed class ParsedKeep : ParsedItem
    {
        public ParsedKeep(int offset, int end) : base(offset, end)
        {
        }
    }

    /// <summary>
    /// A valid single item a DFA cannot express: <c>\C</c>, <c>\X</c>, <c>\R</c>, <c>\p</c>, <c>[[:&lt;:]]</c>...
    /// <see cref="Kind"/> says what it contributes to a lookbehind's length.
    /// </summary>
    internal sealed class ParsedUnsupportedAtom : ParsedItem
    {
        public ParsedUnsupportedAtom(string construct, AtomKind kind, int offset, int end) : base(offset, end)
        {
            Construct = construct;
            Kind = kind;
        }

        public string Construct { get; }

        public AtomKind Kind { get; }
    }

    internal enum AtomKind
    {
        SingleCodeUnit,      // \C: one unit; not allowed in a lookbehind in UTF mode
        Property,            // \p, \P: one character
        NotFixed,            // \X, \R: never fixed length
        WordStart,           // [[:<:]]: \b(?=\w), zero width
        WordEnd,             // [[:>:]]: \b(?<=\w), zero width, holds a lookbehind
    }

    /// <summary>A backreference: <c>\1</c>, <c>\g{-1}</c>, <c>\k&lt;n&gt;</c>, <c>(?P=n)</c>...</summary>
    internal sealed class ParsedBackreference : ParsedItem
    {
        public ParsedBackreference(int number, string? name, int errorOffset, int offset, int end) : base(offset, end)
        {
            Number = number;
            Name = name;
            ErrorOffset = errorOffset;
        }

        /// <summary>The group number; 0 when referenced by <see cref="Name"/>.</summary>
        public int Number { get; }

        public string? Name { get; }

        /// <summary>Where PCRE2 reports a reference to a non-existent group.</summary>
        public int ErrorOffset { get; set; }
    }

    /// <summary>A recursion or subroutine call: <c>(?R)</c>, <c>(?1)</c>, <c>(?&amp;n)</c>, <c>\g&lt;n&gt;</c>...</summary>
    internal sealed class ParsedRecursion : ParsedItem
    {
        public ParsedRecursion(int number, string? name, int errorOffset, int offset, int end) : base(offset, end)
        {
            Number = number;
            Name = name;
            ErrorOffset = errorOffset;
        }

        public int Number { get; }

        public string? Name { get; }

        public int ErrorOffset { get; }
    }

    internal enum VerbKind
    {
        Accept,
        Fail,
        Mark,
        Commit,
        Prune,
        Skip,
        Then,
    }

    /// <summary>A backtracking verb: <c>(*ACCEPT)</c>, <c>(*FAIL)</c>, <c>(*MARK:x)</c>...</summary>
    internal sealed class ParsedVerb : ParsedItem
    {
        public ParsedVerb(VerbKind kind, string name, int offset, int end) : base(offset, end)
        {
            Kind = kind;
            Name = name;
        }

        public VerbKind Kind { get; }

        /// <summary>The length in code units of the verb's argument (<c>(*MARK:arg)</c>), or -1 without one.</summary>
        public int ArgumentLength { get; set; } = -1;

        /// <summary>The verb as written, e.g. <c>(*PRUNE:x)</c>, for messages.</summary>
        public string Name { get; }
    }

    /// <summary>A callout <c>(?C..)</c>.</summary>
    internal sealed class ParsedCallout : ParsedItem
    {
        public ParsedCallout(int offset, int end) : base(offset, end)
        {
        }

        /// <summary>The length of a string argument including its delimiters, or -1 for a numbered callout.</summary>
        public int StringLength { get; set; } = -1;

        /// <summary>The compile pass's "last offset" after this item (string callouts set it).</summary>
        public int? CompileOffset { get; set; }
    }

    internal enum GroupKind
    {
        Capture,
        NonCapture,
        BranchReset,
        Atomic,
        Lookahead,
        NegativeLookahead,
        NonAtomicLookahead,
        Lookbehind,
        NegativeLookbehind,
        NonAtomicLookbehind,
        ScriptRun,
        Conditional,
    }

    internal enum ConditionKind
    {
        None,
        Assertion,
        Number,
        Name,
        RecursionName,
        RecursionNumber,
        Define,
        Version,
    }

    /// <summary>Any parenthesized group, with its branches.</summary>
    internal sealed class ParsedGroup : ParsedItem
    {
        public ParsedGroup(GroupKind kind, int offset) : base(offset, offset)
        {
            Kind = kind;
            Branches.Add(new List<ParsedItem>());
        }

        public GroupKind Kind { get; }

        /// <summary>Capture number (0 for a non-capturing group).</summary>
        public int Number { get; set; }

        public string? Name { get; set; }

        public List<List<ParsedItem>> Branches { get; } = new List<List<ParsedItem>>();

        /// <summary>Where each branch ends (at its '|' or ')'): locates empty branches.</summary>
        public List<int> BranchEnds { get; } = new List<int>();

        /// <summary>True for the group PCRE2 wraps around a quantified <c>(*ACCEPT)</c>.</summary>
        public bool Synthetic { get; set; }

        /// <summary>For lookbehinds: each branch's fixed length, once the lookbehind check has computed it.</summary>
        public List<int> LookbehindBranchLengths { get; } = new List<int>();

        /// <summary>For lookbehinds: the offset PCRE2 reports a non-fixed length at.</summary>
        public int LookbehindErrorOffset { get; set; }

        /// <summary>For an atomic script run <c>(*asr:</c>: PCRE2 nests an atomic group inside.</summary>
        public bool AtomicScriptRun { get; set; }

        public ConditionKind Condition { get; set; }

        public int ConditionNumber { get; set; }

        public string? ConditionName { get; set; }

        /// <summary>The offset PCRE2 keeps for the condition (the name, or the inner parenthesis for a number).</summary>
        public int ConditionOffset { get; set; }
    }

    /// <summary>A quantified item.</summary>
    internal sealed class ParsedRepeat : ParsedItem
    {
        public ParsedRepeat(ParsedItem body, int min, int max, int quantifierOffset, int end) : base(body.Offset, end)
        {
            Body = body;
            Min = min;
            Max = max;
            QuantifierOffset = quantifierOffset;
        }

        public ParsedItem Body { get; }

        public int Min { get; }

        /// <summary>-1: unbounded.</summary>
        public int Max { get; }

        public bool Lazy { get; set; }

        public bool Possessive { get; set; }

        public int QuantifierOffset { get; }
    }
}
