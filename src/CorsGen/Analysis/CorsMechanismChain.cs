using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Analysis
{
    /// <summary>
    /// CORS012: two CORS mechanisms applied in one fluent chain, <c>group.WithShopCors().RequireCors(...)</c>
    /// or <c>.WithA().WithB()</c>. Only the last takes effect (and the startup check logs an error), so the
    /// analyzer says it where both calls are visible.
    /// </summary>
    internal static class CorsMechanismChain
    {
        /// <summary>The earlier CORS call in the receiver chain of <paramref name="invocation"/>, when both are CORS mechanisms.</summary>
        public static (string Earlier, string Later)? Find(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (Describe(invocation, model, cancellationToken) is not { } later)
            {
                return null;
            }

            var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            while (receiver is InvocationExpressionSyntax call)
            {
                if (Describe(call, model, cancellationToken) is { } earlier)
                {
                    return (earlier, later);
                }

                receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
            }

            return null;
        }

        /// <summary>The runtime library's class that declares <c>WithKongCors(policy)</c>.</summary>
        internal const string WithKongCorsExtensions = "Microsoft.AspNetCore.Builder.KongCorsEndpointConventionBuilderExtensions";

        /// <summary>Whether a description is of the library's <c>WithKongCors(policy)</c>, which every generator sees (not CORS014's concern).</summary>
        internal static bool IsWithKongCors(string described) => described.StartsWith("WithKongCors(", System.StringComparison.Ordinal);

        /// <summary>The description <see cref="Describe"/> gives ASP.NET Core's own <c>RequireCors</c>.</summary>
        internal const string RequireCors = "RequireCors()";

        /// <summary>How a call applies CORS ("WithShopCors()", "WithKongCors(ShopCors.Policy)", "RequireCors()"), or null when it does not.</summary>
        internal static string? Describe(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var name = access.Name.Identifier.ValueText;
            if (name != "RequireCors" && !name.StartsWith("With", System.StringComparison.Ordinal))
            {
                return null;
            }

            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var type = method.ContainingType;
            if (name == "RequireCors")
            {
                return type?.ToDisplayString() == "Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions" ? RequireCors : null;
            }

            if (name == "WithKongCors")
            {
                // CorsGen.Runtime's own entry point: named with the policy it applies, WithKongCors(ShopCors.Policy).
                return type?.ToDisplayString() == WithKongCorsExtensions && invocation.ArgumentList.Arguments.Count == 1
                    ? "WithKongCors(" + invocation.ArgumentList.Arguments[0].ToString() + ")"
                    : null;
            }

            foreach (var attribute in type?.GetAttributes() ?? default)
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value is GeneratorInfo.Name)
                {
                    return name + "()";
                }
            }

            return null;
        }
    }
}
