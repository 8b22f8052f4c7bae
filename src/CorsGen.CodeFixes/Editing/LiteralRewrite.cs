using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes.Editing
{
    /// <summary>A new value for one string element, and the title of the action that writes it.</summary>
    internal readonly struct Rewrite
    {
        public Rewrite(string title, string value)
        {
            Title = title;
            Value = value;
        }

        public string Title { get; }

        public string Value { get; }
    }

    /// <summary>
    /// The shape most fixes share: the diagnostic is on (or inside) one string element, and the fix
    /// writes that element again with a new value, in the same literal form. One element per
    /// diagnostic, so Fix All merges the fixes with the batch fixer.
    /// </summary>
    internal static class LiteralRewrite
    {
        /// <summary>Offers one action per diagnostic whose element is a string literal that <paramref name="rewrite"/> changes.</summary>
        public static async Task RegisterAsync(CodeFixContext context, string equivalenceKey, Func<string, Diagnostic, Rewrite?> rewrite)
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
                if (rewrite(value, diagnostic) is not { } change || change.Value == value)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(change.Title, token => ReplaceAsync(context.Document, literal, change.Value, token), equivalenceKey),
                    diagnostic);
            }
        }

        public static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(literal, StringElement.WithValue(literal, value)));
        }
    }
}
