using System.Collections.Generic;

namespace CorsGen.Pcre
{
    /// <summary>
    /// The start-of-pattern settings PCRE2 reads before the regex proper, such as <c>(*UTF)</c>, <c>(*UCP)</c>,
    /// <c>(*CR)</c> or <c>(*LIMIT_MATCH=n)</c>. They may only appear, one after another, at the very start.
    /// </summary>
    internal sealed class PcreStartOptions
    {
        private enum ItemType
        {
            Utf,
            Ucp,
            NotEmpty,
            NoEffect,
            Limit,
            Newline,
            Bsr,
        }

        // PCRE2 10.42's table, in its order (the first name that matches wins).
        private static readonly (string Name, ItemType Type, PcreNewline Newline)[] Items =
        {
            ("UTF8)", ItemType.Utf, default),
            ("UTF)", ItemType.Utf, default),
            ("UCP)", ItemType.Ucp, default),
            ("NOTEMPTY)", ItemType.NotEmpty, default),
            ("NOTEMPTY_ATSTART)", ItemType.NotEmpty, default),
            ("NO_AUTO_POSSESS)", ItemType.NoEffect, default),
            ("NO_DOTSTAR_ANCHOR)", ItemType.NoEffect, default),
            ("NO_JIT)", ItemType.NoEffect, default),
            ("NO_START_OPT)", ItemType.NoEffect, default),
            ("LIMIT_HEAP=", ItemType.Limit, default),
            ("LIMIT_MATCH=", ItemType.Limit, default),
            ("LIMIT_DEPTH=", ItemType.Limit, default),
            ("LIMIT_RECURSION=", ItemType.Limit, default),
            ("CR)", ItemType.Newline, PcreNewline.Cr),
            ("LF)", ItemType.Newline, PcreNewline.Lf),
            ("CRLF)", ItemType.Newline, PcreNewline.CrLf),
            ("ANY)", ItemType.Newline, PcreNewline.Any),
            ("NUL)", ItemType.Newline, PcreNewline.Nul),
            ("ANYCRLF)", ItemType.Newline, PcreNewline.AnyCrLf),
            ("BSR_ANYCRLF)", ItemType.Bsr, default),
            ("BSR_UNICODE)", ItemType.Bsr, default),
        };

        private PcreStartOptions()
        {
        }

        /// <summary>Where the regex proper starts (after the last setting).</summary>
        public int RegexStart { get; private set; }

        public bool Utf { get; private set; }

        public bool Ucp { get; private set; }

        public PcreNewline Newline { get; private set; } = PcreNewline.Lf;

        public PcreSyntaxError? Error { get; private set; }

        /// <summary>Settings that change matching in a way a DFA cannot follow, with their spans; see <see cref="Read"/>.</summary>
        public List<(string Construct, int Offset, int End)> Unsupported { get; } = new List<(string, int, int)>();

        /// <summary>The last newline setting's span, if one other than LF is in force.</summary>
        public (int Offset, int End)? NewlineItem { get; private set; }

        /// <summary>Reads the settings at the start of <paramref name="pattern"/>.</summary>
        public static PcreStartOptions Read(byte[] pattern)
        {
            var result = new PcreStartOptions();
            var length = pattern.Length;
            var skip = 0;
            while (length - skip >= 2 && pattern[skip] == '(' && pattern[skip + 1] == '*')
            {
                var matched = false;
                foreach (var item in Items)
                {
                    if (length - skip - 2 < item.Name.Length || !Matches(pattern, skip + 2, item.Name))
                    {
                        continue;
                    }

                    matched = true;
                    var start = skip;
                    skip += item.Name.Length + 2;
                    switch (item.Type)
                    {
                        case ItemType.Utf:
                            result.Utf = true;
                            result.Unsupported.Add(("(*UTF) mode", start, skip));
                            break;
                        case ItemType.Ucp:
                            result.Ucp = true;
                            result.Unsupported.Add(("(*UCP) mode", start, skip));
                            break;
                        case ItemType.NotEmpty:
                            result.Unsupported.Add(("an empty-match restriction like (*NOTEMPTY)", start, skip));
                            break;
                        case ItemType.Newline:
                            result.Newline = item.Newline;
                            result.NewlineItem = item.Newline == PcreNewline.Lf ? null : (start, skip);
                            break;
                        case ItemType.Limit:
                            // A decimal number and ')' must follow; PCRE2 reads at most until the value would overflow.
                            var pp = skip;
                            if (pp >= length || !PcreCharTables.IsDigit(pattern[pp]))
                            {
                                result.Error = PcreErrors.Create(PcreErrors.VerbUnknown, pp);
                                return result;
                            }

                            uint value = 0;
                            while (pp < length && PcreCharTables.IsDigit(pattern[pp]))
                            {
                                if (value > uint.MaxValue / 10 - 1)
                                {
                                    break;
                                }

                                value = value * 10 + (uint)(pattern[pp++] - '0');
                            }

                            // PCRE2 reads one unit past the digits and steps over it even when it is not ')'.
                            if (pp >= length || pattern[pp] != ')')
                            {
                                pp++;
                                result.Error = PcreErrors.Create(PcreErrors.VerbUnknown, pp);
                                return result;
                            }

                            skip = pp + 1;
                            result.Unsupported.Add(("a match limit setting like (*LIMIT_MATCH=n)", start, skip));
                            break;
                    }

                    break;
                }

                if (!matched)
                {
                    break;
                }
            }

            result.RegexStart = skip;
            return result;
        }

        private static bool Matches(byte[] pattern, int at, string name)
        {
            for (var i = 0; i < name.Length; i++)
            {
                if (pattern[at + i] != name[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
