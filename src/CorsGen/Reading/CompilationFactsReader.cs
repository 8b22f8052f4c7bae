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

        /// <summary>The generated class that declares <c>UseKongCors()</c>, where the framework's own Use* extensions live.</summary>
        public const string MiddlewareExtensionsMetadataName = "Microsoft.AspNetCore.Builder.KongCorsApplicationBuilderExtensions";

        public static CompilationFacts Read(Compilation compilation) => new CompilationFacts(
            HasAspNetCore: compilation.GetTypeByMetadataName(EndpointFilterMetadataName) is not null,
            SupportsGeneratedCode: SupportsGeneratedCode(compilation),
            RuntimeNamespace: "CorsGen.Generated." + NamespaceFor(compilation.AssemblyName ?? "Assembly"),
            HasReferencedMiddleware: HasReferencedMiddleware(compilation));

        public static bool SupportsGeneratedCode(Compilation compilation) =>
            compilation is CSharpCompilation csharp && csharp.LanguageVersion >= LanguageVersion.CSharp11;

        private static bool HasReferencedMiddleware(Compilation compilation)
        {
            foreach (var type in compilation.GetTypesByMetadataName(MiddlewareExtensionsMetadataName))
            {
                if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                    && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An assembly name as a dotted namespace: every part a valid identifier (<c>My-App.1</c> becomes <c>My_App._1</c>).</summary>
        public static string NamespaceFor(string assemblyName)
        {
            var result = new StringBuilder();
            foreach (var part in assemblyName.Split('.'))
            {
                var identifier = new StringBuilder();
                foreach (var c in part)
                {
                    identifier.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
                }

                if (identifier.Length == 0 || char.IsDigit(identifier[0]) || SyntaxFacts.GetKeywordKind(identifier.ToString()) != SyntaxKind.None)
                {
                    identifier.Insert(0, '_');
                }

                result.Append(result.Length == 0 ? "" : ".").Append(identifier);
            }

            return result.ToString();
        }
    }
}
