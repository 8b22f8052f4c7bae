namespace CorsGen.Pcre
{
    /// <summary>
    /// PCRE2's default character tables (<c>pcre2_chartables.c.dist</c>, the C locale) as the 8-bit library
    /// uses them without UTF and without UCP: only ASCII has letters, digits and case; bytes 0x80..0xFF have
    /// no type and no other case.
    /// </summary>
    internal static class PcreCharTables
    {
        /// <summary><c>\d</c>, <c>[:digit:]</c>.</summary>
        public static readonly ByteSet Digit = ByteSet.Range('0', '9');

        /// <summary><c>\s</c>, <c>[:space:]</c>: HT, LF, VT, FF, CR and space (PCRE2 10.x includes VT).</summary>
        public static readonly ByteSet Space = ByteSet.Range(0x09, 0x0D).Union(ByteSet.Single(' '));

        public static readonly ByteSet Upper = ByteSet.Range('A', 'Z');

        public static readonly ByteSet Lower = ByteSet.Range('a', 'z');

        /// <summary><c>\w</c>, <c>[:word:]</c>: ASCII letters, digits and underscore.</summary>
        public static readonly ByteSet Word = Upper.Union(Lower).Union(Digit).Union(ByteSet.Single('_'));

        public static readonly ByteSet XDigit = Digit.Union(ByteSet.Range('A', 'F')).Union(ByteSet.Range('a', 'f'));

        public static readonly ByteSet Graph = ByteSet.Range(0x21, 0x7E);

        public static readonly ByteSet Print = ByteSet.Range(0x20, 0x7E);

        public static readonly ByteSet Punct = Graph.Except(Word).Union(ByteSet.Single('_'));

        public static readonly ByteSet Cntrl = ByteSet.Range(0x00, 0x1F).Union(ByteSet.Single(0x7F));

        /// <summary><c>\h</c> in 8-bit non-UTF mode: HT, space, NBSP.</summary>
        public static readonly ByteSet HorizontalSpace = ByteSet.Single(0x09).Union(ByteSet.Single(0x20)).Union(ByteSet.Single(0xA0));

        /// <summary><c>\v</c> in 8-bit non-UTF mode: LF, VT, FF, CR, NEL.</summary>
        public static readonly ByteSet VerticalSpace = ByteSet.Range(0x0A, 0x0D).Union(ByteSet.Single(0x85));

        /// <summary>The POSIX class names in PCRE2's order (the index is the class number).</summary>
        public static readonly string[] PosixNames =
        {
            "alpha", "lower", "upper", "alnum", "ascii", "blank", "cntrl", "digit",
            "graph", "print", "punct", "space", "word", "xdigit",
        };

        /// <summary>The byte set of POSIX class number <paramref name="index"/> (see <see cref="PosixNames"/>).</summary>
        public static ByteSet Posix(int index)
        {
            switch (index)
            {
                case 0: return Upper.Union(Lower);                                  // alpha: word - digit - '_'
                case 1: return Lower;
                case 2: return Upper;
                case 3: return Upper.Union(Lower).Union(Digit);                     // alnum: word - '_'
                case 4: return ByteSet.Range(0x00, 0x7F);                           // ascii: print + cntrl
                case 5: return ByteSet.Single(0x09).Union(ByteSet.Single(0x20));    // blank: space - vertical space
                case 6: return Cntrl;
                case 7: return Digit;
                case 8: return Graph;
                case 9: return Print;
                case 10: return Punct;
                case 11: return Space;
                case 12: return Word;
                default: return XDigit;
            }
        }

        /// <summary>The index of a POSIX class name given as bytes, or -1.</summary>
        public static int PosixIndex(byte[] pattern, int start, int length)
        {
            for (var i = 0; i < PosixNames.Length; i++)
            {
                var name = PosixNames[i];
                if (name.Length != length)
                {
                    continue;
                }

                var same = true;
                for (var k = 0; k < length; k++)
                {
                    if (pattern[start + k] != name[k])
                    {
                        same = false;
                        break;
                    }
                }

                if (same)
                {
                    return i;
                }
            }

            return -1;
        }

        // The characters that have more than one other case in Unicode (PCRE2's caseless sets). In caseless UTF
        // or UCP mode PCRE2 compiles them as a property test, which matters for the size of the compiled pattern.
        private static readonly int[] MultiCaseCharacters =
        {
            0x0053, 0x0073, 0x017f, 0x01c4, 0x01c5, 0x01c6, 0x01c7, 0x01c8, 0x01c9, 0x01ca, 0x01cb, 0x01cc, 0x01f1,
            0x01f2, 0x01f3, 0x0345, 0x0399, 0x03b9, 0x1fbe, 0x00b5, 0x039c, 0x03bc, 0x03a3, 0x03c2, 0x03c3, 0x0392,
            0x03b2, 0x03d0, 0x0398, 0x03b8, 0x03d1, 0x03f4, 0x03a6, 0x03c6, 0x03d5, 0x03a0, 0x03c0, 0x03d6, 0x039a,
            0x03ba, 0x03f0, 0x03a1, 0x03c1, 0x03f1, 0x0395, 0x03b5, 0x03f5, 0x0412, 0x0432, 0x1c80, 0x0414, 0x0434,
            0x1c81, 0x041e, 0x043e, 0x1c82, 0x0421, 0x0441, 0x1c83, 0x0422, 0x0442, 0x1c84, 0x1c85, 0x042a, 0x044a,
            0x1c86, 0x0462, 0x0463, 0x1c87, 0x1e60, 0x1e61, 0x1e9b, 0x03a9, 0x03c9, 0x2126, 0x004b, 0x006b, 0x212a,
            0x00c5, 0x00e5, 0x212b, 0x1c88, 0xa64a, 0xa64b,
        };

        /// <summary>Whether Unicode gives <paramref name="c"/> more than one other case (k: K and the Kelvin sign...).</summary>
        public static bool HasSeveralOtherCases(int c) => System.Array.IndexOf(MultiCaseCharacters, c) >= 0;

        /// <summary>isspace() in the C locale: HT, LF, VT, FF, CR, space.</summary>
        public static bool IsSpace(int c) => c == ' ' || (c >= 0x09 && c <= 0x0D);

        public static bool IsDigit(int c) => c >= '0' && c <= '9';

        public static bool IsLetter(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        public static bool IsLowerLetter(int c) => c >= 'a' && c <= 'z';

        /// <summary>A "word" character of the ctypes table: ASCII letter, digit or underscore.</summary>
        public static bool IsWord(int c) => IsLetter(c) || IsDigit(c) || c == '_';

        /// <summary>The value of a hex digit, or -1.</summary>
        public static int HexValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>The other case of a byte in the default tables (the fcc table): ASCII letters only.</summary>
        public static int OtherCase(int c)
        {
            if (c >= 'a' && c <= 'z')
            {
                return c - 32;
            }

            if (c >= 'A' && c <= 'Z')
            {
                return c + 32;
            }

            return c;
        }

        /// <summary>A set closed under <see cref="OtherCase"/>: what a caseless class adds for its members.</summary>
        public static ByteSet WithOtherCases(ByteSet set)
        {
            var letters = set.Intersect(Upper.Union(Lower));
            if (letters.IsEmpty)
            {
                return set;
            }

            var result = set;
            for (var c = 'A'; c <= 'Z'; c++)
            {
                if (letters.Contains(c) || letters.Contains(c + 32))
                {
                    result = result.Union(ByteSet.Single(c)).Union(ByteSet.Single(c + 32));
                }
            }

            return result;
        }
    }
}
