using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analysis
{
    /// <summary>One origin entry found in a settings file: its value and where its text is.</summary>
    /// <param name="Value">The entry as configuration reads it (unescaped; trimmed, for the comma-separated form).</param>
    /// <param name="Span">The chars of the entry in the file: the string token with its quotes, or its part of a comma list.</param>
    internal readonly record struct JsonSettingEntry(string Value, TextSpan Span);

    /// <summary>
    /// Finds the origin entries under a configuration key in an <c>appsettings*.json</c> file, as the JSON configuration
    /// provider reads them: keys are case-insensitive and <c>:</c>-separated, a later duplicate property wins, comments and
    /// trailing commas are allowed. The value is an array of strings (its entries, in order) or one string (Kong's
    /// comma-separated form). A file that is not valid JSON, or lacks the key, gives nothing: the build does not check what
    /// the application would not read.
    /// </summary>
    internal sealed class JsonSettings
    {
        private readonly string _text;
        private int _position;

        private JsonSettings(string text) => _text = text;

        /// <summary>The entries under <paramref name="key"/>, or null when the file does not hold the key as strings.</summary>
        public static List<JsonSettingEntry>? FindEntries(string text, string key)
        {
            try
            {
                var reader = new JsonSettings(text);
                var value = reader.FindValue(key.Split(':'));
                reader.SkipTrivia();
                return value;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Reads the whole document, keeping the value at <paramref name="path"/> (the last one, as configuration does).</summary>
        private List<JsonSettingEntry>? FindValue(string[] path)
        {
            List<JsonSettingEntry>? found = null;
            ReadValue(path, 0, ref found);
            return found;
        }

        /// <summary>Reads one value; <paramref name="depth"/> segments of <paramref name="path"/> lead to it (-1: off the path).</summary>
        private void ReadValue(string[] path, int depth, ref List<JsonSettingEntry>? found)
        {
            SkipTrivia();
            var atKey = depth == path.Length;
            switch (Peek())
            {
                case '{':
                    _position++;
                    ReadMembers(path, atKey ? -1 : depth, ref found);
                    if (atKey)
                    {
                        found = null;
                    }

                    break;

                case '[':
                    _position++;
                    var entries = ReadArray(path, atKey ? -1 : depth, ref found);
                    if (atKey)
                    {
                        found = entries;
                    }

                    break;

                case '"':
                    var start = _position;
                    var value = ReadString();
                    if (atKey)
                    {
                        found = SplitCommas(value, start, _position);
                    }

                    break;

                default:
                    ReadLiteral();
                    if (atKey)
                    {
                        found = null;
                    }

                    break;
            }
        }

        private void ReadMembers(string[] path, int depth, ref List<JsonSettingEntry>? found)
        {
            SkipTrivia();
            while (Peek() != '}')
            {
                var name = ReadString();
                SkipTrivia();
                Expect(':');
                var onPath = depth >= 0 && string.Equals(name, path[depth], StringComparison.OrdinalIgnoreCase);
                ReadValue(path, onPath ? depth + 1 : -1, ref found);
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != '}')
                {
                    throw new FormatException();
                }
            }

            _position++;
        }

        /// <summary>Reads an array; returns its elements when they are all strings (the entries), else null.</summary>
        private List<JsonSettingEntry>? ReadArray(string[] path, int depth, ref List<JsonSettingEntry>? found)
        {
            var entries = new List<JsonSettingEntry>();
            var allStrings = true;
            var index = 0;
            SkipTrivia();
            while (Peek() != ']')
            {
                if (Peek() == '"')
                {
                    var start = _position;
                    var value = ReadString();
                    entries.Add(new JsonSettingEntry(value.Trim(), TextSpan.FromBounds(start, _position)));
                    if (depth >= 0 && path[depth] == index.ToString(System.Globalization.CultureInfo.InvariantCulture) && depth + 1 == path.Length)
                    {
                        found = SplitCommas(value, start, _position);
                    }
                }
                else
                {
                    allStrings = false;
                    var onPath = depth >= 0 && path[depth] == index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    ReadValue(path, onPath ? depth + 1 : -1, ref found);
                }

                index++;
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != ']')
                {
                    throw new FormatException();
                }
            }

            _position++;
            return allStrings ? entries : null;
        }

        /// <summary>
        /// One string as configuration's comma-separated form: each part trimmed, with its own span when the string has no
        /// escape (the chars of the file are then the chars of the value), else the whole token's.
        /// </summary>
        private List<JsonSettingEntry>? SplitCommas(string value, int tokenStart, int tokenEnd)
        {
            if (value.Trim().Length == 0)
            {
                return new List<JsonSettingEntry>();
            }

            var exact = tokenEnd - tokenStart == value.Length + 2;
            var entries = new List<JsonSettingEntry>();
            var partStart = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && value[i] != ',')
                {
                    continue;
                }

                var part = value.Substring(partStart, i - partStart);
                var trimmedStart = partStart + (part.Length - part.TrimStart().Length);
                var trimmed = part.Trim();
                var span = exact && trimmed.Length > 0
                    ? new TextSpan(tokenStart + 1 + trimmedStart, trimmed.Length)
                    : TextSpan.FromBounds(tokenStart, tokenEnd);
                entries.Add(new JsonSettingEntry(trimmed, span));
                partStart = i + 1;
            }

            return entries;
        }

        private string ReadString()
        {
            SkipTrivia();
            Expect('"');
            var value = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw new FormatException();
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                var escape = _position < _text.Length ? _text[_position++] : throw new FormatException();
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u' when _position + 4 <= _text.Length:
                        value.Append((char)Convert.ToInt32(_text.Substring(_position, 4), 16));
                        _position += 4;
                        break;
                    default: throw new FormatException();
                }
            }
        }

        /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>: skipped.</summary>
        private void ReadLiteral()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw new FormatException();
            }
        }

        /// <summary>Whitespace and the comments the JSON configuration provider skips.</summary>
        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? throw new FormatException() : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : throw new FormatException();

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException();
            }

            _position++;
        }
    }
}
