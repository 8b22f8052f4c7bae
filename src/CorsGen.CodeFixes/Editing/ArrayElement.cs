using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.CodeFixes.Editing
{
    /// <summary>
    /// One element of an attribute array, in any of the three forms the analyzer reads:
    /// <c>[...]</c>, <c>new[] {...}</c> and <c>new string[] {...}</c>.
    /// </summary>
    /// <param name="List">The node that owns the element list: a collection expression or an array initializer.</param>
    /// <param name="Index">The element's position in the list.</param>
    /// <param name="Expression">The element's expression (inside the collection element, for <c>[...]</c>).</param>
    internal sealed record ArrayElement(ExpressionSyntax List, int Index, ExpressionSyntax Expression)
    {
        /// <summary>The element a diagnostic points at (or into); null when the location is not an array element.</summary>
        public static ArrayElement? Find(SyntaxNode root, TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            for (var current = node; current is not null && current is not AttributeArgumentSyntax; current = current.Parent)
            {
                if (current is ExpressionSyntax expression)
                {
                    switch (current.Parent)
                    {
                        case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } element:
                            return new ArrayElement(collection, collection.Elements.IndexOf(element), expression);
                        case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                            return new ArrayElement(initializer, initializer.Expressions.IndexOf(expression), expression);
                    }
                }
            }

            return null;
        }

        /// <summary>The list with the elements at <paramref name="indices"/> removed, each with one comma, keeping the layout.</summary>
        public static ExpressionSyntax RemoveAt(ExpressionSyntax list, IEnumerable<int> indices)
        {
            var descending = new List<int>(new HashSet<int>(indices));
            descending.Sort((a, b) => b.CompareTo(a));
            switch (list)
            {
                case CollectionExpressionSyntax collection:
                    var elements = collection.Elements;
                    foreach (var index in descending)
                    {
                        elements = Remove(elements, index);
                    }

                    return collection.WithElements(elements);
                case InitializerExpressionSyntax initializer:
                    var expressions = initializer.Expressions;
                    foreach (var index in descending)
                    {
                        expressions = Remove(expressions, index);
                    }

                    return initializer.WithExpressions(expressions);
                default:
                    return list;
            }
        }

        /// <summary>The list with the element at <paramref name="index"/> replaced by several, separated by ", ".</summary>
        public static ExpressionSyntax ReplaceAt(ExpressionSyntax list, int index, IReadOnlyList<ExpressionSyntax> replacements)
        {
            switch (list)
            {
                case CollectionExpressionSyntax collection:
                    var elements = new List<CollectionElementSyntax>();
                    foreach (var replacement in replacements)
                    {
                        elements.Add(SyntaxFactory.ExpressionElement(replacement));
                    }

                    return collection.WithElements(Replace(collection.Elements, index, elements));
                case InitializerExpressionSyntax initializer:
                    return initializer.WithExpressions(Replace(initializer.Expressions, index, replacements));
                default:
                    return list;
            }
        }

        /// <summary>
        /// Removes an element and the comma after it; the last element (with no comma after it) goes
        /// with the comma before it, and its trailing trivia (a line break) moves to the element before.
        /// </summary>
        private static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, int index)
            where T : SyntaxNode
        {
            if (index < 0 || index >= list.Count)
            {
                return list;
            }

            var items = list.GetWithSeparators();
            var position = index * 2;
            if (position + 1 < items.Count)
            {
                items = items.RemoveAt(position + 1).RemoveAt(position);
            }
            else if (position > 0)
            {
                var trailing = list[index].GetTrailingTrivia();
                var previous = items[position - 2].AsNode()!;
                items = items.RemoveAt(position).RemoveAt(position - 1);
                items = items.Replace(items[position - 2], previous.WithTrailingTrivia(previous.GetTrailingTrivia().AddRange(trailing)));
            }
            else
            {
                items = items.RemoveAt(position);
            }

            return SyntaxFactory.SeparatedList<T>(items);
        }

        private static SeparatedSyntaxList<T> Replace<T>(SeparatedSyntaxList<T> list, int index, IReadOnlyList<T> replacements)
            where T : SyntaxNode
        {
            var original = list[index];
            var added = new List<SyntaxNodeOrToken>();
            for (var i = 0; i < replacements.Count; i++)
            {
                var node = replacements[i].WithoutTrivia();
                if (i == 0)
                {
                    node = node.WithLeadingTrivia(original.GetLeadingTrivia());
                }

                if (i == replacements.Count - 1)
                {
                    node = node.WithTrailingTrivia(original.GetTrailingTrivia());
                }

                if (i > 0)
                {
                    added.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }

                added.Add(node);
            }

            var items = list.GetWithSeparators();
            var position = index * 2;
            return SyntaxFactory.SeparatedList<T>(items.RemoveAt(position).InsertRange(position, added));
        }
    }
}
