using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CorsGen.Analysis
{
    /// <summary>The analyzer's diagnostics, with the user text they quote made safe for a one-line build message.</summary>
    internal static class DiagnosticText
    {
        /// <summary>
        /// Every diagnostic is created here. Its arguments quote user text (origins, header names, class
        /// names), so control characters are escaped first: a "X-A\r\nX-B" header entry must not split the
        /// build's one-line message.
        /// </summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params string[] args)
        {
            var escaped = new object[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                escaped[i] = EscapeControlCharacters(args[i]);
            }

            return Diagnostic.Create(descriptor, location, escaped);
        }

        /// <summary>
        /// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators as C# escapes
        /// (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u0085</c>); every other character as it is.
        /// </summary>
        private static string EscapeControlCharacters(string text)
        {
            var first = 0;
            while (first < text.Length && !NeedsEscape(text[first]))
            {
                first++;
            }

            if (first == text.Length)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
            for (var i = first; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        if (NeedsEscape(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        private static bool NeedsEscape(char c) => c < '\u0020' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029';
    }
}
