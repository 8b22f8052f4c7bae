using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analysis
{
    /// <summary>
    /// Maps chars of a string literal's value back to the source text that wrote them, through the
    /// escapes of regular (<c>"\\."</c>), verbatim (<c>@"\."</c>) and single-line raw (<c>"""\."""</c>)
    /// strings, so a diagnostic can underline exactly the offending characters of a regex.
    /// </summary>
    internal static class StringLiteralMap
    {
        /// <summary>
        /// The source span of value chars <paramref name="valueOffset"/>..+<paramref name="valueLength"/>,
        /// or null when the literal's form is not mapped (multi-line raw, interpolated).
        /// </summary>
        public static TextSpan? Map(SyntaxToken literal, int valueOffset, int valueLength)
        {
            var starts = CharStarts(literal);
            if (starts is null || valueOffset < 0 || valueOffset > starts.Count - 1)
            {
                return null;
            }

            var end = System.Math.Min(valueOffset + System.Math.Max(valueLength, 0), starts.Count - 1);
            var spanStart = starts[valueOffset];
            var spanEnd = starts[end];
            if (spanEnd == spanStart)
            {
                // An empty span (an error at the end of the pattern): point at the closing quote.
                spanEnd = spanStart + 1;
            }

            return TextSpan.FromBounds(literal.SpanStart + spanStart, literal.SpanStart + spanEnd);
        }

        /// <summary>
        /// For each value char, the offset in the token text where it starts; one extra entry for the
        /// end (the closing quote). Null for forms that are not mapped.
        /// </summary>
        private static List<int>? CharStarts(SyntaxToken literal)
        {
            var text = literal.Text;
            switch (literal.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    return text.StartsWith("@", System.StringComparison.Ordinal) ? Verbatim(text) : Regular(text);
                case SyntaxKind.SingleLineRawStringLiteralToken:
                    return Raw(text);
                default:
                    return null;
            }
        }

        private static List<int> Regular(string text)
        {
            var starts = new List<int>();
            var i = 1;
            var end = text.Length - 1;
            while (i < end)
            {
                starts.Add(i);
                if (text[i] != '\\' || i + 1 >= end)
                {
                    i++;
                    continue;
                }

                switch (text[i + 1])
                {
                    case 'x':
                        var j = i + 2;
                        while (j < end && j < i + 6 && IsHex(text[j]))
                        {
                            j++;
                        }

                        i = j;
                        break;
                    case 'u':
                        i += 6;
                        break;
                    case 'U':
                        // A char beyond the BMP is two UTF-16 chars in the value.
                        var hex = text.Substring(i + 2, System.Math.Min(8, end - i - 2));
                        if (uint.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code) && code > 0xFFFF)
                        {
                            starts.Add(i);
                        }

                        i += 10;
                        break;
                    default:
                        i += 2;
                        break;
                }
            }

            starts.Add(end);
            return starts;
        }

        private static List<int> Verbatim(string text)
        {
            var starts = new List<int>();
            var i = 2;
            var end = text.Length - 1;
            while (i < end)
            {
                starts.Add(i);
                i += text[i] == '"' ? 2 : 1;
            }

            starts.Add(end);
            return starts;
        }

        private static List<int>? Raw(string text)
        {
            var quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            var end = text.Length - quotes;
            if (end < quotes)
            {
                return null;
            }

            var starts = new List<int>();
            for (var i = quotes; i <= end; i++)
            {
                starts.Add(i);
            }

            return starts;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
