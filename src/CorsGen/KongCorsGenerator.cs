using System.Linq;
using CorsGen.Emit;
using CorsGen.Policy;
using CorsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen
{
    /// <summary>
    /// Compiles each <c>[KongCors]</c> policy class into ASP.NET Core code at build time:
    /// attribute -> <see cref="Model.PolicyDeclaration"/> -> <see cref="CompiledPolicy"/> -> one generated file,
    /// plus, once per assembly that has a policy, the shared runtime and <c>app.UseKongCors()</c>.
    /// Invalid policies are skipped silently; <see cref="KongCorsAnalyzer"/> reports why.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class KongCorsGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var facts = context.CompilationProvider
                .Select(static (compilation, _) => CompilationFactsReader.Read(compilation))
                .WithTrackingName(TrackingNames.CompilationFacts);

            var compiled = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    GeneratorInfo.AttributeFullName,
                    predicate: static (node, _) => node is ClassDeclarationSyntax,
                    transform: static (context, cancellationToken) => PolicyDeclarationReader.Read(context, cancellationToken))
                .WithTrackingName(TrackingNames.PolicyDeclarations)
                .Select(static (model, cancellationToken) => model is null ? null : PolicyCompiler.Compile(model, cancellationToken))
                .WithTrackingName(TrackingNames.CompiledPolicies);

            var policies = compiled
                .Combine(facts)
                .WithTrackingName(TrackingNames.PoliciesWithFacts);

            // The runtime file depends on the policies only through which optional helpers they call (null: no policy).
            var shared = compiled
                .Select(static (policy, _) => policy is null ? (RuntimeHelpers?)null : RuntimeHelperPlan.For(policy))
                .WithTrackingName(TrackingNames.RuntimeHelpers)
                .Collect()
                .Select(static (all, _) => all.Aggregate((RuntimeHelpers?)null, static (union, helpers) => helpers is null ? union : (union ?? RuntimeHelpers.None) | helpers))
                .Combine(facts)
                .WithTrackingName(TrackingNames.SharedRuntime);

            context.RegisterSourceOutput(policies, static (output, item) =>
            {
                var (policy, compilationFacts) = item;
                // A policy with OriginsFromConfiguration needs CorsGen.Runtime and ASP.NET Core (CORS048 says so).
                if (policy is not null && compilationFacts.SupportsGeneratedCode && (!RequestPathEmitter.IsConfigured(policy) || compilationFacts.HasConfiguredOrigins))
                {
                    output.AddSource(policy.Target.HintName, PolicyEmitter.Emit(policy, compilationFacts));
                }
            });

            context.RegisterSourceOutput(shared, static (output, item) =>
            {
                var (helpers, compilationFacts) = item;
                if (helpers is null || !compilationFacts.SupportsGeneratedCode)
                {
                    return;
                }

                output.AddSource(RuntimeEmitter.HintName, RuntimeEmitter.Emit(compilationFacts, helpers.Value));
                if (compilationFacts.HasAspNetCore && !compilationFacts.HasReferencedMiddleware)
                {
                    output.AddSource(MiddlewareEmitter.HintName, MiddlewareEmitter.Emit(compilationFacts));
                }

                if (compilationFacts.HasAspNetCore && compilationFacts.HasHostingStartup)
                {
                    output.AddSource(StartupCheckEmitter.HintName, StartupCheckEmitter.Emit(compilationFacts, helpers.Value));
                }
            });
        }
    }
}
