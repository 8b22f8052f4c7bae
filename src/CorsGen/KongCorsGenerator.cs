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
    /// plus, once per application assembly that has a policy, the line that names CorsGen.Runtime's startup check.
    /// Everything that does not depend on a policy's settings is library code (CorsGen.Runtime, KongCorsRules).
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

            // The assembly's startup check depends on the policies only through whether some policy reads configured origins.
            var startupCheck = compiled
                .Select(static (policy, _) => policy is null ? (StartupCheck?)null : RequestPathEmitter.IsConfigured(policy) ? StartupCheck.WithConfiguredOrigins : StartupCheck.Attributes)
                .WithTrackingName(TrackingNames.StartupChecks)
                .Collect()
                .Select(static (all, _) => all.Aggregate((StartupCheck?)null, static (check, next) => next is null ? check : check is null || next > check ? next : check))
                .Combine(facts)
                .WithTrackingName(TrackingNames.AssemblyStartupCheck);

            context.RegisterSourceOutput(policies, static (output, item) =>
            {
                var (policy, compilationFacts) = item;
                // A policy with OriginsFromConfiguration needs CorsGen.Runtime and ASP.NET Core (CORS048 says so).
                if (policy is not null && compilationFacts.SupportsGeneratedCode && (!RequestPathEmitter.IsConfigured(policy) || compilationFacts.HasRuntime))
                {
                    output.AddSource(policy.Target.HintName, PolicyEmitter.Emit(policy, compilationFacts));
                }
            });

            context.RegisterSourceOutput(startupCheck, static (output, item) =>
            {
                var (check, compilationFacts) = item;
                if (check is not null && compilationFacts.SupportsGeneratedCode && compilationFacts.HasRuntime && compilationFacts.HasHostingStartup)
                {
                    output.AddSource(StartupCheckEmitter.HintName, StartupCheckEmitter.Emit(check.Value));
                }
            });
        }
    }
}
