using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS042: an entry that repeats an earlier one (as Kong compares them) does nothing. Removes the
    /// repetition with its comma, keeping the list's layout.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateEntryFix))]
    public sealed class RemoveDuplicateEntryFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS042.RemoveDuplicateEntry";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.Duplicate.Id);

        /// <summary>Removing several elements of one list touches the same commas: Fix All rewrites each list once.</summary>
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
                if (ArrayElement.Find(root, diagnostic.Location.SourceSpan) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Remove the duplicate entry", token => FixAsync(context.Document, new[] { diagnostic }, token), EquivalenceKey),
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

            var indicesByList = new Dictionary<ExpressionSyntax, List<int>>();
            foreach (var diagnostic in diagnostics)
            {
                if (ArrayElement.Find(root, diagnostic.Location.SourceSpan) is not { } element)
                {
                    continue;
                }

                if (!indicesByList.TryGetValue(element.List, out var indices))
                {
                    indicesByList[element.List] = indices = new List<int>();
                }

                indices.Add(element.Index);
            }

            var fixedRoot = root.ReplaceNodes(indicesByList.Keys, (original, _) => ArrayElement.RemoveAt(original, indicesByList[original]));
            return document.WithSyntaxRoot(fixedRoot);
        }
    }
}
