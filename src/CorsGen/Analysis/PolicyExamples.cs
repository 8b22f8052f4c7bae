using CorsGen.Model;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Analysis
{
    /// <summary>
    /// CORS047: each <c>[KongCorsExample]</c> on a policy class, judged against the policy as the generator compiles it
    /// (<see cref="OriginJudge"/>); an example the policy disagrees with is reported at its origin string.
    /// </summary>
    internal static class PolicyExamples
    {
        public const string AttributeFullName = "CorsGen.KongCorsExampleAttribute";

        public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, PolicySpec spec)
        {
            OriginRules? rules = null;
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != AttributeFullName
                    || attribute.ConstructorArguments.Length != 1
                    || attribute.ConstructorArguments[0].Value is not string origin
                    || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
                {
                    continue;
                }

                // Only a policy the generator generates has an answer; the analyzer reports why the others have none.
                rules ??= PolicyCompiler.OriginsOf(spec);
                if (rules is null)
                {
                    return;
                }

                var expected = Expected(attribute);
                var verdict = OriginJudge.Judge(rules, origin);
                if (verdict.Allowed != expected)
                {
                    context.ReportDiagnostic(DiagnosticText.Create(
                        Diagnostics.ExampleDisagrees,
                        syntax.ArgumentList!.Arguments[0].Expression.GetLocation(),
                        origin,
                        verdict.Allowed ? "allowed" : "refused",
                        expected ? "allowed" : "refused",
                        verdict.Why));
                }
            }
        }

        /// <summary><c>Allowed</c>, true unless the example says otherwise.</summary>
        private static bool Expected(AttributeData attribute)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Allowed" && argument.Value.Value is bool allowed)
                {
                    return allowed;
                }
            }

            return true;
        }
    }
}
