using System.Text;
using CorsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Reading
{
    /// <summary>Projects the compilation to the few facts the emitted code depends on.</summary>
    internal static class CompilationFactsReader
    {
        public const string EndpointFilterMetadataName = "Microsoft.AspNetCore.Http.IEndpointFilter";

        public const string DecisionMetadataName = "CorsGen.KongCorsDecision";

        public const string HostingStartupMetadataName = "Microsoft.AspNetCore.Hosting.IHostingStartup";

        /// <summary>The CorsGen.Runtime type every generated policy derives from.</summary>
        public const string PolicyMetadataName = "CorsGen.KongCorsPolicy";

        public static CompilationFacts Read(Compilation compilation) => new CompilationFacts(
            HasAspNetCore: compilation.GetTypeByMetadataName(EndpointFilterMetadataName) is not null,
            SupportsGeneratedCode: SupportsGeneratedCode(compilation),
            RuntimeNamespace: "CorsGen.Generated." + NamespaceFor(compilation.AssemblyName ?? "Assembly"),
            HasHostingStartup: compilation.GetTypeByMetadataName(HostingStartupMetadataName) is not null,
            HasDecision: compilation.GetTypeByMetadataName(DecisionMetadataName) is not null,
            HasRuntimeLibrary: compilation.GetTypeByMetadataName(PolicyMetadataName) is not null);

        public static bool SupportsGeneratedCode(Compilation compilation) =>
            compilation is CSharpCompilation csharp && csharp.LanguageVersion >= LanguageVersion.CSharp11;

        /// <summary>
        /// An assembly name as one identifier, the last part of <c>CorsGen.Generated.&lt;name&gt;</c>: <c>My-App.Api</c> becomes
        /// <c>My_App_Api</c>. One part, and never <c>System</c> or <c>Microsoft</c>: the <c>using System;</c> and
        /// <c>using Microsoft.AspNetCore.Http;</c> directives inside that namespace would otherwise bind to it.
        /// </summary>
        public static string NamespaceFor(string assemblyName)
        {
            var identifier = new StringBuilder();
            foreach (var c in assemblyName)
            {
                identifier.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            var name = identifier.ToString();
            if (name.Length == 0 || char.IsDigit(name[0]) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            {
                name = "_" + name;
            }

            return name is "System" or "Microsoft" ? name + "_" : name;
        }
    }
}
