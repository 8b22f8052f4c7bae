using System.Collections.Immutable;

namespace CorsGen.Pcre
{
    /// <summary>
    /// What <see cref="PcreParser.Parse"/> found: the AST (null iff PCRE2 rejects the pattern), PCRE2's error,
    /// and the constructs PCRE2 accepts but a DFA cannot express. Every offset in the AST, the error and the
    /// unsupported nodes is a byte offset into the pattern's UTF-8 encoding, as PCRE2 counts them;
    /// <see cref="ToCharOffset"/> maps one back to the C# string.
    /// </summary>
    internal sealed class PcreParseResult
    {
        internal PcreParseResult(string pattern, RegexNode? root, PcreSyntaxError? error, ImmutableArray<UnsupportedNode> unsupported)
        {
            Pattern = pattern;
            Root = root;
            Error = error;
            Unsupported = unsupported;
        }

        /// <summary>The pattern as given.</summary>
        public string Pattern { get; }

        /// <summary>The pattern's AST; null iff <see cref="Error"/> is set.</summary>
        public RegexNode? Root { get; }

        /// <summary>PCRE2's error, when PCRE2 rejects the pattern (CORS001).</summary>
        public PcreSyntaxError? Error { get; }

        /// <summary>Every unsupported construct (CORS002), in pattern order; the same nodes appear in <see cref="Root"/>.</summary>
        public ImmutableArray<UnsupportedNode> Unsupported { get; }

        /// <summary>PCRE2 accepts the pattern.</summary>
        public bool IsValid => Error is null;

        /// <summary>PCRE2 accepts the pattern and a DFA can match exactly like it.</summary>
        public bool IsSupported => Error is null && Unsupported.IsEmpty;

        /// <summary>
        /// The index in <see cref="Pattern"/> of the char holding UTF-8 byte <paramref name="byteOffset"/> (a byte
        /// inside a multi-byte char maps to that char; the byte length maps to the string length).
        /// </summary>
        public int ToCharOffset(int byteOffset)
        {
            var bytes = 0;
            var i = 0;
            while (i < Pattern.Length)
            {
                int width;
                var step = 1;
                var c = Pattern[i];
                if (c < 0x80)
                {
                    width = 1;
                }
                else if (c < 0x800)
                {
                    width = 2;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < Pattern.Length && char.IsLowSurrogate(Pattern[i + 1]))
                {
                    width = 4;
                    step = 2;
                }
                else
                {
                    width = 3; // a BMP char, or a lone surrogate (encoded as U+FFFD)
                }

                if (byteOffset < bytes + width)
                {
                    return i;
                }

                bytes += width;
                i += step;
            }

            return Pattern.Length;
        }
    }
}
