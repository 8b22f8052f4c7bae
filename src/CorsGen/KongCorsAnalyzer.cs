using System.Collections.Immutable;
using System.Linq;
using CorsGen.Analysis;
using CorsGen.Model;
using CorsGen.Policy;
using CorsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen
{
    /// <summary>
    /// Reports every problem of a <c>[KongCors]</c> policy at the argument (and, for regexes, the
    /// characters) that causes it. It runs the generator's own reading and validation code, so what
    /// it reports is exactly why the generator skipped a policy.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class KongCorsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Diagnostics.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(GeneratorInfo.AttributeFullName);
                if (attributeType is null)
                {
                    return;
                }

                var facts = CompilationFactsReader.Read(start.Compilation);
                start.RegisterSymbolAction(symbol => AnalyzePolicyClass(symbol, attributeType, facts), SymbolKind.NamedType);
                start.RegisterSyntaxNodeAction(AnalyzeInvocation, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                start.RegisterSyntaxNodeAction(
                    context => AnalyzePolicyName(context, attributeType),
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.Attribute,
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression,
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression);
                start.RegisterSymbolAction(AnalyzeCorsAttributes, SymbolKind.NamedType, SymbolKind.Method);
            });
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (CorsMechanismChain.Find(invocation, context.SemanticModel, context.CancellationToken) is { } pair)
            {
                var name = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : invocation.GetLocation();
                context.ReportDiagnostic(DiagnosticText.Create(Diagnostics.TwoCorsMechanisms, name, pair.Earlier, pair.Later));
            }

            if (RequestDelegateGeneratorChain.IsEnabled(invocation.SyntaxTree)
                && invocation.Expression is MemberAccessExpressionSyntax policyCall
                && CorsMechanismChain.Describe(invocation, context.SemanticModel, context.CancellationToken) is { } described
                && described != CorsMechanismChain.RequireCors
                && !CorsMechanismChain.IsWithKongCors(described)
                && RequestDelegateGeneratorChain.FeedsMapCalls(invocation, context.SemanticModel, context.CancellationToken))
            {
                context.ReportDiagnostic(DiagnosticText.Create(Diagnostics.HiddenFromRequestDelegateGenerator, policyCall.Name.GetLocation(), described));
            }
        }

        private static void AnalyzePolicyName(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var finding = context.Node switch
            {
                AttributeSyntax attribute => PolicyNamedByString.InAttribute(attribute, context.SemanticModel, attributeType, context.CancellationToken),
                InvocationExpressionSyntax invocation => PolicyNamedByString.InInvocation(invocation, context.SemanticModel, attributeType, context.CancellationToken),
                AssignmentExpressionSyntax assignment => PolicyNamedByString.InAssignment(assignment, context.SemanticModel, attributeType, context.CancellationToken),
                _ => null,
            };

            if (finding is { } found)
            {
                context.ReportDiagnostic(DiagnosticText.Create(
                    Diagnostics.PolicyNamedByString, found.Name.GetLocation(), found.Consumer, found.Value, found.Policy.Name));
            }
        }

        private static void AnalyzeCorsAttributes(SymbolAnalysisContext context)
        {
            if (CorsAttributePair.Find(context.Symbol) is { } pair
                && pair.Policy.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } syntax)
            {
                context.ReportDiagnostic(DiagnosticText.Create(
                    Diagnostics.TwoCorsMechanisms, syntax.GetLocation(), CorsAttributePair.Describe(pair.Policy), CorsAttributePair.Describe(pair.AspNetCore)));
            }
        }

        private static void AnalyzePolicyClass(SymbolAnalysisContext context, INamedTypeSymbol attributeType, CompilationFacts facts)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                AnalyzePolicy(context, type, attribute, syntax, facts);
            }
        }

        private static void AnalyzePolicy(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax, CompilationFacts facts)
        {
            if (!facts.SupportsGeneratedCode)
            {
                var version = ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)syntax.SyntaxTree.Options).LanguageVersion;
                context.ReportDiagnostic(DiagnosticText.Create(Diagnostics.LanguageVersionTooLow, syntax.GetLocation(), Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(version)));
            }

            PolicyTargetReader.Read(type, out var reason);
            if (reason is not null)
            {
                var declaration = syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>();
                var location = declaration?.Identifier.GetLocation() ?? syntax.GetLocation();
                context.ReportDiagnostic(DiagnosticText.Create(Diagnostics.InvalidTarget, location, type.ToDisplayString(), reason));
            }

            var spec = PolicySpecReader.Read(attribute);
            if (spec is null)
            {
                return;
            }

            foreach (var problem in PolicyCompiler.Diagnose(spec))
            {
                var descriptor = Diagnostics.Get(problem.DiagnosticId);
                context.ReportDiagnostic(DiagnosticText.Create(descriptor, ProblemLocator.Locate(syntax, problem), problem.MessageArgs.AsImmutableArray().ToArray()));
            }

            if (!facts.HasRuntime && reason is null)
            {
                context.ReportDiagnostic(DiagnosticText.Create(
                    Diagnostics.AspNetCoreMissing,
                    syntax.GetLocation(),
                    type.Name,
                    facts.HasAspNetCore ? "The CorsGen.Runtime library (in the CorsGen package) is" : "ASP.NET Core is"));
            }

            if (spec.OriginsFromConfiguration is { Length: > 0 } && !facts.HasRuntime)
            {
                var argument = ProblemLocator.Locate(syntax, PolicyProblem.ForSetting(Diagnostics.ConfigurationUnavailable.Id, PolicySetting.OriginsFromConfiguration));
                context.ReportDiagnostic(DiagnosticText.Create(
                    Diagnostics.ConfigurationUnavailable,
                    argument,
                    facts.HasAspNetCore ? "the CorsGen.Runtime assembly (in the CorsGen package) is not referenced" : "ASP.NET Core is not referenced"));
            }

            PolicyExamples.Check(context, type, spec);
            SettingsFileOrigins.Check(context, spec);
        }
    }
}

