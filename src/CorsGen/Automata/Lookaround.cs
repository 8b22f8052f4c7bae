using CorsGen.Pcre;

namespace CorsGen.Automata
{
    /// <summary>
    /// How zero-width assertions become exact automaton conditions. Every assertion PCRE2 can make at
    /// a position p depends only on (1) what is just before p: the start of the subject, a newline,
    /// a word code unit or another one (the "behind" kind, known when p is reached), and (2) what
    /// comes at p: the end of input, a newline, a word or another code unit, and for <c>$</c> also
    /// whether a newline there is the last code unit. Part (1) is checked at once; part (2) becomes an
    /// obligation carried by the NFA item and checked when the next symbol (a byte or the end) is read.
    /// An obligation is a 5-bit value: the set of allowed next kinds (<see cref="AheadEnd"/>,
    /// <see cref="AheadNewline"/>, <see cref="AheadWord"/>, <see cref="AheadOther"/>) plus
    /// <see cref="NewlineMustBeFinal"/>: if the next symbol is a newline, the end must follow it.
    /// </summary>
    internal static class Lookaround
    {
        public const int AheadEnd = 1;
        public const int AheadNewline = 2;
        public const int AheadWord = 4;
        public const int AheadOther = 8;

        /// <summary>All next kinds allowed: no pending obligation.</summary>
        public const int Free = AheadEnd | AheadNewline | AheadWord | AheadOther;

        /// <summary>Only the end of input may come next.</summary>
        public const int EndOnly = AheadEnd;

        public const int NewlineMustBeFinal = 16;

        /// <summary>Obligation values fit in this many distinct codes.</summary>
        public const int ObligationCodes = 32;

        public const int BehindStart = 0;
        public const int BehindNewline = 1;
        public const int BehindWord = 2;
        public const int BehindOther = 3;

        /// <summary>The kind of a byte as the next symbol.</summary>
        public static int AheadKindOf(int b) => b == '\n' ? AheadNewline : ByteClasses.IsWord(b) ? AheadWord : AheadOther;

        /// <summary>The kind of a byte once it has been read, as seen by the next position.</summary>
        public static int BehindKindOf(int aheadKind) => aheadKind switch
        {
            AheadNewline => BehindNewline,
            AheadWord => BehindWord,
            _ => BehindOther,
        };

        /// <summary>
        /// Adds the assertion <paramref name="kind"/> at the current position to <paramref name="obligation"/>,
        /// given what is <paramref name="behind"/>. Returns the new obligation, or -1 when it cannot hold.
        /// </summary>
        public static int Apply(AssertionKind kind, int behind, int obligation)
        {
            var allowed = obligation & Free;
            var flag = obligation & NewlineMustBeFinal;
            switch (kind)
            {
                case AssertionKind.StartOfSubject:
                    if (behind != BehindStart)
                    {
                        return -1;
                    }

                    break;
                case AssertionKind.StartOfLine:
                    if (behind == BehindNewline)
                    {
                        // PCRE2 (without ALT_CIRCUMFLEX) does not match a multiline ^ after a newline that ends the subject.
                        allowed &= ~AheadEnd;
                    }
                    else if (behind != BehindStart)
                    {
                        return -1;
                    }

                    break;
                case AssertionKind.EndOfSubjectOrBeforeFinalNewline:
                    allowed &= AheadEnd | AheadNewline;
                    flag = NewlineMustBeFinal;
                    break;
                case AssertionKind.EndOfSubject:
                    allowed &= AheadEnd;
                    break;
                case AssertionKind.EndOfLine:
                    allowed &= AheadEnd | AheadNewline;
                    break;
                case AssertionKind.WordBoundary:
                    allowed &= behind == BehindWord ? AheadEnd | AheadNewline | AheadOther : AheadWord;
                    break;
                case AssertionKind.NotWordBoundary:
                    allowed &= behind == BehindWord ? AheadWord : AheadEnd | AheadNewline | AheadOther;
                    break;
                default:
                    return -1;
            }

            if (allowed == 0)
            {
                return -1;
            }

            // The final-newline condition only matters while a newline may come next.
            return (allowed & AheadNewline) == 0 ? allowed : allowed | flag;
        }

        public static string Describe(int obligation)
        {
            if (obligation == Free)
            {
                return "";
            }

            var parts = new System.Collections.Generic.List<string>();
            AddIf(parts, obligation, AheadEnd, "end");
            AddIf(parts, obligation, AheadNewline, (obligation & NewlineMustBeFinal) != 0 ? "final-nl" : "nl");
            AddIf(parts, obligation, AheadWord, "word");
            AddIf(parts, obligation, AheadOther, "other");
            return "{" + string.Join("|", parts) + "}";
        }

        private static void AddIf(System.Collections.Generic.List<string> parts, int obligation, int bit, string name)
        {
            if ((obligation & bit) != 0)
            {
                parts.Add(name);
            }
        }
    }
}
