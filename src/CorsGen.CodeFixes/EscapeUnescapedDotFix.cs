using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS021: a '.' in the host of an origin regex matches any character. Escapes the dot the
    /// diagnostic is on (<c>.</c> becomes <c>\.</c>), or every such dot of the origin at once.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EscapeUnescapedDotFix))]
    public sealed class EscapeUnescapedDotFix : CodeFixProvider
    {
        public const string EscapeThisDotKey = "CORS021.EscapeDot";

        public const string EscapeEveryDotKey = "CORS021.EscapeEveryDot";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.UnescapedDot.Id);

        /// <summary>Several dots of one literal are several diagnostics: Fix All escapes them in one rewrite of the literal.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (StringElement.Find(root, diagnostic.Location.SourceSpan) is not { } literal)
                {
                    continue;
                }

                var value = literal.Token.ValueText;
                var every = ReportedDots(value);
                var dot = StringElement.ValueOffsetAt(literal, diagnostic.Location.SourceSpan.Start);
                if (dot is { } offset && value[offset] == '.')
                {
                    var one = Escape(value, new[] { offset });
                    context.RegisterCodeFix(
                        CodeAction.Create("Escape this '.' as '\\.'", token => LiteralRewrite.ReplaceAsync(context.Document, literal, one, token), EscapeThisDotKey),
                        diagnostic);
                }

                if (every.Count > 1 || (dot is null && every.Count > 0))
                {
                    var all = Escape(value, every);
                    context.RegisterCodeFix(
                        CodeAction.Create("Escape every unescaped '.' of this origin", token => LiteralRewrite.ReplaceAsync(context.Document, literal, all, token), EscapeEveryDotKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var dotsByLiteral = new Dictionary<LiteralExpressionSyntax, HashSet<int>>();
            foreach (var diagnostic in diagnostics)
            {
                if (StringElement.Find(root, diagnostic.Location.SourceSpan) is not { } literal)
                {
                    continue;
                }

                if (!dotsByLiteral.TryGetValue(literal, out var dots))
                {
                    dotsByLiteral[literal] = dots = new HashSet<int>();
                }

                var value = literal.Token.ValueText;
                var dot = StringElement.ValueOffsetAt(literal, diagnostic.Location.SourceSpan.Start);
                if (context.CodeActionEquivalenceKey == EscapeEveryDotKey || dot is null || value[dot.Value] != '.')
                {
                    dots.UnionWith(ReportedDots(value));
                }
                else
                {
                    dots.Add(dot.Value);
                }
            }

            var fixedRoot = root.ReplaceNodes(
                dotsByLiteral.Keys,
                (original, _) => StringElement.WithValue(original, Escape(original.Token.ValueText, dotsByLiteral[original])));
            return document.WithSyntaxRoot(fixedRoot);
        }

        /// <summary>The offsets of the dots the analyzer reports in this origin.</summary>
        private static List<int> ReportedDots(string entry) =>
            OriginProblems.Of(entry, Diagnostics.UnescapedDot.Id).Select(p => p.ValueOffset).Where(o => o >= 0 && o < entry.Length && entry[o] == '.').ToList();

        private static string Escape(string entry, IEnumerable<int> dots)
        {
            var text = entry;
            foreach (var offset in dots.Distinct().OrderByDescending(o => o))
            {
                text = text.Insert(offset, "\\");
            }

            return text;
        }
    }
}
