using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Analysis
{
    /// <summary>
    /// Finds where in the attribute a <see cref="PolicyProblem"/> was written: the argument, the
    /// array element, or the characters inside the element's string literal.
    /// </summary>
    internal static class ProblemLocator
    {
        public static Location Locate(AttributeSyntax attribute, PolicyProblem problem)
        {
            var argument = FindArgument(attribute, problem.Setting.ToString());
            if (argument is null)
            {
                return attribute.Name.GetLocation();
            }

            if (problem.Index < 0)
            {
                return argument.GetLocation();
            }

            var element = FindElement(argument.Expression, problem.Index);
            if (element is null)
            {
                return argument.Expression.GetLocation();
            }

            if (problem.ValueOffset >= 0 && element is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var span = StringLiteralMap.Map(literal.Token, problem.ValueOffset, problem.ValueLength);
                if (span is { } inside)
                {
                    return Location.Create(element.SyntaxTree, inside);
                }
            }

            return element.GetLocation();
        }

        public static AttributeArgumentSyntax? FindArgument(AttributeSyntax attribute, string name)
        {
            if (attribute.ArgumentList is null)
            {
                return null;
            }

            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The element at <paramref name="index"/> of <c>[...]</c>, <c>new[] {...}</c> or <c>new string[] {...}</c>.</summary>
        public static ExpressionSyntax? FindElement(ExpressionSyntax array, int index)
        {
            switch (array)
            {
                case CollectionExpressionSyntax collection:
                    return index < collection.Elements.Count && collection.Elements[index] is ExpressionElementSyntax element ? element.Expression : null;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return index < initializer.Expressions.Count ? initializer.Expressions[index] : null;
                case ImplicitArrayCreationExpressionSyntax { Initializer: { } implicitInitializer }:
                    return index < implicitInitializer.Expressions.Count ? implicitInitializer.Expressions[index] : null;
                default:
                    return null;
            }
        }
    }
}
