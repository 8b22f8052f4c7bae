using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Analysis
{
    /// <summary>
    /// CORS013: a CorsGen policy named by string where ASP.NET Core or YARP expects the name of one of their own CORS
    /// policies: <c>[EnableCors("ShopCors")]</c>, <c>RequireCors("ShopCors")</c>, <c>UseCors("ShopCors")</c>, a YARP
    /// route's <c>CorsPolicy = "ShopCors"</c>. Those look the name up in ASP.NET Core's policy provider, where a CorsGen
    /// policy never is (it is compiled code, not a registered policy), so they fail at run time.
    /// </summary>
    internal static class PolicyNamedByString
    {
        private const string EnableCorsAttribute = "Microsoft.AspNetCore.Cors.EnableCorsAttribute";
        private const string CorsEndpointExtensions = "Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions";
        private const string CorsMiddlewareExtensions = "Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions";
        private const string YarpRouteConfig = "Yarp.ReverseProxy.Configuration.RouteConfig";

        /// <summary>A string that names a CorsGen policy, what takes it, and the policy.</summary>
        public readonly struct Finding
        {
            public Finding(ExpressionSyntax name, string value, string consumer, INamedTypeSymbol policy)
            {
                Name = name;
                Value = value;
                Consumer = consumer;
                Policy = policy;
            }

            /// <summary>The string expression, where the diagnostic goes.</summary>
            public ExpressionSyntax Name { get; }

            /// <summary>The string's value.</summary>
            public string Value { get; }

            /// <summary>How the message names what takes the string: "[EnableCors]", "RequireCors()", "YARP's RouteConfig.CorsPolicy".</summary>
            public string Consumer { get; }

            /// <summary>The policy class.</summary>
            public INamedTypeSymbol Policy { get; }
        }

        /// <summary><c>[EnableCors("ShopCors")]</c>.</summary>
        public static Finding? InAttribute(AttributeSyntax attribute, SemanticModel model, INamedTypeSymbol kongCors, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.ArgumentList is not { Arguments.Count: 1 } arguments
                || model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor
                || constructor.ContainingType.ToDisplayString() != EnableCorsAttribute)
            {
                return null;
            }

            return Named(arguments.Arguments[0].Expression, "[EnableCors]", model, kongCors, cancellationToken);
        }

        /// <summary><c>.RequireCors("ShopCors")</c> and <c>app.UseCors("ShopCors")</c>.</summary>
        public static Finding? InInvocation(InvocationExpressionSyntax invocation, SemanticModel model, INamedTypeSymbol kongCors, System.Threading.CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var name = access.Name.Identifier.ValueText;
            if (name is not ("RequireCors" or "UseCors")
                || invocation.ArgumentList.Arguments.Count != 1
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || method.ContainingType.ToDisplayString() is not (CorsEndpointExtensions or CorsMiddlewareExtensions)
                || method.Parameters.Length == 0
                || method.Parameters[method.Parameters.Length - 1].Type.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            return Named(invocation.ArgumentList.Arguments[0].Expression, name + "()", model, kongCors, cancellationToken);
        }

        /// <summary>A YARP route's <c>CorsPolicy = "ShopCors"</c>, in an object initializer or an assignment.</summary>
        public static Finding? InAssignment(AssignmentExpressionSyntax assignment, SemanticModel model, INamedTypeSymbol kongCors, System.Threading.CancellationToken cancellationToken)
        {
            if (assignment.Left is not (IdentifierNameSyntax { Identifier.ValueText: "CorsPolicy" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CorsPolicy" })
                || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol property
                || property.ContainingType.ToDisplayString() != YarpRouteConfig)
            {
                return null;
            }

            return Named(assignment.Right, "YARP's RouteConfig.CorsPolicy", model, kongCors, cancellationToken);
        }

        /// <summary>The policy class of this compilation whose name (simple or full) the constant string is.</summary>
        private static Finding? Named(ExpressionSyntax expression, string consumer, SemanticModel model, INamedTypeSymbol kongCors, System.Threading.CancellationToken cancellationToken)
        {
            if (model.GetConstantValue(expression, cancellationToken) is not { HasValue: true, Value: string value } || value.Length == 0)
            {
                return null;
            }

            var simpleName = value.Substring(value.LastIndexOf('.') + 1);
            foreach (var symbol in model.Compilation.GetSymbolsWithName(simpleName, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is INamedTypeSymbol type
                    && (value == simpleName || type.ToDisplayString() == value)
                    && IsPolicy(type, kongCors))
                {
                    return new Finding(expression, value, consumer, type);
                }
            }

            return null;
        }

        private static bool IsPolicy(INamedTypeSymbol type, INamedTypeSymbol kongCors)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, kongCors))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
