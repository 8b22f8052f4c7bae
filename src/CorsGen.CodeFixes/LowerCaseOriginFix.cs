using System.Collections.Immutable;
using System.Text;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS030: browsers send origins in lower case and Kong compares case-sensitively. A literal
    /// origin is written in lower case; in a regex, only the upper-case part the diagnostic is on is
    /// lower-cased (<c>E</c>, <c>[A-Z]</c>), never an escape (<c>\W</c>, <c>\D</c>, <c>\x41</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LowerCaseOriginFix))]
    public sealed class LowerCaseOriginFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS030.LowerCaseOrigin";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.UpperCaseOrigin.Id);

        /// <summary>The analyzer reports one part per origin, so each element gets one fix and the batch fixer merges them.</summary>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            LiteralRewrite.RegisterAsync(context, EquivalenceKey, (value, _) =>
            {
                if (OriginEntry.Classify(value) == OriginEntryKind.Literal)
                {
                    var lower = LowerAscii(value);
                    return new Rewrite("Write the origin in lower case: '" + lower + "'", lower);
                }

                // The part the analyzer reports for this regex (the first upper-case one), found by its own check.
                var problems = OriginProblems.Of(value, Diagnostics.UpperCaseOrigin.Id);
                if (problems.Count == 0 || problems[0].ValueOffset < 0 || problems[0].ValueOffset + problems[0].ValueLength > value.Length)
                {
                    return null;
                }

                var (offset, length) = (problems[0].ValueOffset, problems[0].ValueLength);
                var part = value.Substring(offset, length);
                var lowered = LowerOutsideEscapes(part);
                return new Rewrite("Lower-case '" + part + "' to '" + lowered + "'", value.Substring(0, offset) + lowered + value.Substring(offset + length));
            });

        private static string LowerAscii(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c);
            }

            return builder.ToString();
        }

        /// <summary>
        /// Lower-cases the letters of a regex fragment that stand for themselves: not the letter of an
        /// escape (<c>\W</c>), nor what an escape takes as its argument (<c>\x4A</c>, <c>\p{Lu}</c>,
        /// <c>\cA</c>); the text of a <c>\Q...\E</c> quote is literal, so it is lower-cased.
        /// </summary>
        internal static string LowerOutsideEscapes(string fragment)
        {
            var builder = new StringBuilder(fragment.Length);
            var i = 0;
            var quoted = false;
            while (i < fragment.Length)
            {
                var c = fragment[i];
                if (quoted)
                {
                    if (c == '\\' && i + 1 < fragment.Length && fragment[i + 1] == 'E')
                    {
                        builder.Append("\\E");
                        quoted = false;
                        i += 2;
                        continue;
                    }

                    builder.Append(LowerAscii(c.ToString()));
                    i++;
                    continue;
                }

                if (c != '\\' || i + 1 >= fragment.Length)
                {
                    builder.Append(LowerAscii(c.ToString()));
                    i++;
                    continue;
                }

                var escape = fragment[i + 1];
                var end = i + 2;
                if (escape == 'Q')
                {
                    quoted = true;
                }
                else if (end < fragment.Length && (fragment[end] == '{' || fragment[end] == '<' || fragment[end] == '\'') && "xopPNgku".IndexOf(escape) >= 0)
                {
                    var close = fragment[end] == '{' ? '}' : fragment[end] == '<' ? '>' : '\'';
                    var closing = fragment.IndexOf(close, end + 1);
                    end = closing < 0 ? fragment.Length : closing + 1;
                }
                else if (escape == 'x')
                {
                    while (end < fragment.Length && end < i + 4 && IsHex(fragment[end]))
                    {
                        end++;
                    }
                }
                else if ((escape == 'p' || escape == 'P' || escape == 'c') && end < fragment.Length)
                {
                    end++;
                }

                builder.Append(fragment, i, end - i);
                i = end;
            }

            return builder.ToString();
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
