using System.Linq;
using CorsGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.CodeFixes.Editing
{
    /// <summary>
    /// A string literal written as an element of a <c>[KongCors]</c> array: found from a diagnostic's
    /// location (the whole element, or characters inside it), read, and written back with a new value
    /// in the same literal form.
    /// </summary>
    internal static class StringElement
    {
        /// <summary>
        /// The string literal a diagnostic points at or into; null when the element is something else
        /// (a constant, a concatenation, an interpolated string), which the fixes leave alone.
        /// </summary>
        public static LiteralExpressionSyntax? Find(SyntaxNode root, TextSpan span)
        {
            var token = root.FindToken(span.Start);
            if (!IsStringToken(token) || token.Parent is not LiteralExpressionSyntax literal || !token.Span.Contains(span))
            {
                return null;
            }

            return literal;
        }

        /// <summary>
        /// The index, in the literal's value, of the char written at <paramref name="position"/> (an
        /// escape like <c>\\</c> is one char of the value); null when the form is not mapped or the
        /// position starts no char.
        /// </summary>
        public static int? ValueOffsetAt(LiteralExpressionSyntax literal, int position)
        {
            var token = literal.Token;
            var length = token.ValueText.Length;
            for (var i = 0; i < length; i++)
            {
                var span = StringLiteralMap.Map(token, i, 1);
                if (span is null)
                {
                    return null;
                }

                if (span.Value.Start == position)
                {
                    return i;
                }

                if (span.Value.Start > position)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The literal with <paramref name="value"/> written in the original's form: a regular string stays
        /// regular (escaped as C# needs: <c>\.</c> is <c>"\\."</c>), a verbatim string stays verbatim, a
        /// single-line raw string stays raw when the value fits one (else it becomes verbatim), a
        /// multi-line raw string becomes verbatim. The trivia around the element is kept.
        /// </summary>
        public static LiteralExpressionSyntax WithValue(LiteralExpressionSyntax literal, string value)
        {
            var original = literal.Token;
            SyntaxToken token;
            if (original.IsKind(SyntaxKind.StringLiteralToken) && !original.Text.StartsWith("@", System.StringComparison.Ordinal))
            {
                token = SyntaxFactory.Literal(value);
            }
            else if (original.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && Raw(original.Text, value) is { } raw)
            {
                token = raw;
            }
            else
            {
                token = Verbatim(value);
            }

            return literal.WithToken(token.WithTriviaFrom(original));
        }

        /// <summary>A new literal of the same form as <paramref name="template"/>, without its trivia (for added elements).</summary>
        public static LiteralExpressionSyntax Like(LiteralExpressionSyntax template, string value) =>
            WithValue(template.WithoutTrivia(), value);

        private static bool IsStringToken(SyntaxToken token) =>
            token.IsKind(SyntaxKind.StringLiteralToken)
            || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

        private static SyntaxToken Verbatim(string value) =>
            SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value);

        /// <summary>A single-line raw literal with as many quotes as the original; null when the value cannot be one.</summary>
        private static SyntaxToken? Raw(string originalText, string value)
        {
            var quotes = originalText.TakeWhile(c => c == '"').Count();
            var delimiter = new string('"', quotes);
            if (value.Length == 0 || value.IndexOfAny(new[] { '\r', '\n' }) >= 0 || value[0] == '"' || value[value.Length - 1] == '"' || value.Contains(delimiter))
            {
                return null;
            }

            var token = SyntaxFactory.ParseToken(delimiter + value + delimiter);
            return token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && token.ValueText == value && !token.ContainsDiagnostics ? token : null;
        }
    }
}
