using System.Globalization;
using System.Text;

namespace CorsGen.Emit
{
    /// <summary>A small indented text writer for generated C#: four spaces a level, <c>\n</c> line ends.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _text.Append(' ', _depth * 4);
                _text.Append(text);
            }

            _text.Append('\n');
            return this;
        }

        /// <summary>Writes several lines, each at the current indentation plus its own leading spaces.</summary>
        public SourceWriter Lines(params string[] lines)
        {
            foreach (var line in lines)
            {
                Line(line);
            }

            return this;
        }

        /// <summary>Writes <paramref name="header"/>, then <c>{</c>, and indents.</summary>
        public SourceWriter Open(string header)
        {
            Line(header);
            Line("{");
            _depth++;
            return this;
        }

        /// <summary>Outdents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
        public SourceWriter Close(string suffix = "")
        {
            _depth--;
            return Line("}" + suffix);
        }

        public SourceWriter Indent()
        {
            _depth++;
            return this;
        }

        public SourceWriter Outdent()
        {
            _depth--;
            return this;
        }

        public override string ToString() => _text.ToString();

        /// <summary>A C# regular string literal for <paramref name="value"/>, every non-printable char escaped.</summary>
        public static string Literal(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c > 0x7E)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>Text safe on one <c>//</c> comment line: control chars and line breaks become <c>?</c>.</summary>
        public static string Comment(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                builder.Append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029' ? '?' : c);
            }

            return builder.ToString();
        }

        /// <summary>Text safe inside an XML doc comment line.</summary>
        public static string XmlDoc(string value) =>
            Comment(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
