using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace CorsGen.Pcre
{
    /// <summary>
    /// Parses a PCRE2 pattern as Kong runs it (PCRE2 10.42, 8-bit library, no UTF, no compile options): accepts
    /// and rejects exactly what PCRE2 does, reports PCRE2's own error number, text and offset, and resolves an
    /// accepted pattern into a <see cref="RegexNode"/> AST for the automaton builder.
    /// </summary>
    internal static class PcreParser
    {
        /// <summary>Parses <paramref name="pattern"/>; PCRE2 sees its UTF-8 bytes, as Kong passes Lua strings.</summary>
        public static PcreParseResult Parse(string pattern)
        {
            var bytes = Encoding.UTF8.GetBytes(pattern);
            var start = PcreStartOptions.Read(bytes);
            if (start.Error != null)
            {
                return Failed(pattern, start.Error);
            }

            var scanner = new PcreScanner(bytes, start.Utf, start.Ucp, start.Newline);
            var root = scanner.Scan(start.RegexStart);
            if (root == null)
            {
                return Failed(pattern, scanner.Error!);
            }

            if (scanner.HasLookbehind)
            {
                var lookbehindError = PcreLookbehindChecker.Check(root, scanner, start.Utf);
                if (lookbehindError != null)
                {
                    return Failed(pattern, lookbehindError);
                }
            }

            var compileError = PcreCompileChecker.Check(root, scanner, bytes.Length);
            if (compileError != null)
            {
                return Failed(pattern, compileError);
            }

            var startItems = new List<(string Construct, int Offset, int End)>(start.Unsupported);
            if (start.NewlineItem is { } newline && scanner.UsesNewline)
            {
                startItems.Add(("a newline convention other than LF", newline.Offset, newline.End));
                startItems.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            }

            var (ast, unsupported) = PcreAstBuilder.Build(root, start.Utf, startItems);
            return new PcreParseResult(pattern, ast, null, unsupported);
        }

        private static PcreParseResult Failed(string pattern, PcreSyntaxError error) =>
            new PcreParseResult(pattern, null, error, ImmutableArray<UnsupportedNode>.Empty);
    }
}
