using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS005 (and CORS004 for methods): <c>"Content-Type, X-Api-Key"</c> written as one element is not
    /// a header name. Splits it on its commas into trimmed elements, <c>"Content-Type", "X-Api-Key"</c>,
    /// when every piece is a valid token; otherwise there is no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitCommaSeparatedEntryFix))]
    public sealed class SplitCommaSeparatedEntryFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS005.SplitCommaSeparatedEntry";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(Diagnostics.InvalidHeaderName.Id, Diagnostics.InvalidMethod.Id);

        /// <summary>Several entries of one list may be split: Fix All rewrites each list once.</summary>
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
                if (Find(root, diagnostic) is not { } found)
                {
                    continue;
                }

                var title = found.Pieces.Count == 1
                    ? "Remove the spaces: '" + found.Pieces[0] + "'"
                    : "Write each name as its own element: " + string.Join(", ", found.Pieces.Select(p => "'" + p + "'"));
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => FixAsync(context.Document, new[] { diagnostic }, token), EquivalenceKey),
                    diagnostic);
            }
        }

        private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            FixAsync(document, diagnostics, context.CancellationToken)!;

        private static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var splitsByList = new Dictionary<ExpressionSyntax, List<Split>>();
            foreach (var diagnostic in diagnostics)
            {
                if (Find(root, diagnostic) is not { } found)
                {
                    continue;
                }

                if (!splitsByList.TryGetValue(found.Element.List, out var splits))
                {
                    splitsByList[found.Element.List] = splits = new List<Split>();
                }

                if (!splits.Any(s => s.Element.Index == found.Element.Index))
                {
                    splits.Add(found);
                }
            }

            var fixedRoot = root.ReplaceNodes(splitsByList.Keys, (original, _) =>
            {
                var list = original;
                foreach (var split in splitsByList[original].OrderByDescending(s => s.Element.Index))
                {
                    var elements = split.Pieces.Select(p => (ExpressionSyntax)StringElement.Like(split.Literal, p)).ToList();
                    list = ArrayElement.ReplaceAt(list, split.Element.Index, elements);
                }

                return list;
            });
            return document.WithSyntaxRoot(fixedRoot);
        }

        /// <summary>The element and its pieces, when it is a string literal whose comma-separated pieces are all tokens.</summary>
        private static Split? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (StringElement.Find(root, span) is not { } literal || ArrayElement.Find(root, span) is not { } element || element.Expression != literal)
            {
                return null;
            }

            var value = literal.Token.ValueText;
            var pieces = value.Split(',').Select(p => p.Trim()).ToList();
            if (!pieces.All(HttpSyntax.IsToken) || (pieces.Count == 1 && pieces[0] == value))
            {
                return null;
            }

            return new Split(element, literal, pieces);
        }

        private sealed record Split(ArrayElement Element, LiteralExpressionSyntax Literal, IReadOnlyList<string> Pieces);
    }
}
