using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Analysis
{
    /// <summary>
    /// CORS014: where ASP.NET Core's Request Delegate Generator runs (<c>PublishAot</c>, <c>EnableRequestDelegateGenerator</c>),
    /// a route builder whose type is known only through a generated <c>With&lt;Policy&gt;()</c> call. Generators never see each
    /// other's output, so in the Request Delegate Generator's view that call does not exist, the builder has no type, and
    /// it leaves the <c>Map*</c> calls on it to the reflection-based factory (IL2026, IL3050, and failures at run time
    /// under Native AOT).
    /// </summary>
    internal static class RequestDelegateGeneratorChain
    {
        /// <summary>The namespace the Request Delegate Generator's interceptors live in, enabled through the parse options.</summary>
        private const string GeneratedNamespace = "Microsoft.AspNetCore.Http.Generated";

        /// <summary>Whether the Request Delegate Generator runs on this tree: the SDK then enables its interceptors.</summary>
        public static bool IsEnabled(SyntaxTree tree)
        {
            var features = tree.Options.Features;
            return Lists(features, "InterceptorsNamespaces") || Lists(features, "InterceptorsPreviewNamespaces");
        }

        /// <summary>
        /// Whether <paramref name="invocation"/>, a generated <c>With&lt;Policy&gt;()</c> call, gives its result to a <c>Map*</c>
        /// call: later in the same chain, or through the local it initializes or is assigned to.
        /// </summary>
        public static bool FeedsMapCalls(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            ExpressionSyntax end = invocation;
            while (end.Parent is MemberAccessExpressionSyntax access && access.Expression == end && access.Parent is InvocationExpressionSyntax call)
            {
                if (IsMap(access))
                {
                    return true;
                }

                end = call;
            }

            var local = end.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
                AssignmentExpressionSyntax assignment when assignment.Right == end => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                _ => null,
            };

            if (local is not ILocalSymbol
                || end.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax || n is CompilationUnitSyntax) is not { } scope)
            {
                return false;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } use
                    && receiver.Identifier.ValueText == local.Name
                    && use.Parent is InvocationExpressionSyntax
                    && IsMap(use)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMap(MemberAccessExpressionSyntax access) =>
            access.Name.Identifier.ValueText.StartsWith("Map", StringComparison.Ordinal);

        private static bool Lists(System.Collections.Generic.IReadOnlyDictionary<string, string> features, string key)
        {
            if (!features.TryGetValue(key, out var value))
            {
                return false;
            }

            foreach (var name in value.Split(';', ','))
            {
                if (name.Trim() == GeneratedNamespace)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
