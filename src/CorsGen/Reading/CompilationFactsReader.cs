using CorsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Reading
{
    /// <summary>Projects the compilation to the few facts the emitted code depends on.</summary>
    internal static class CompilationFactsReader
    {
        public const string EndpointFilterMetadataName = "Microsoft.AspNetCore.Http.IEndpointFilter";

        public static CompilationFacts Read(Compilation compilation) => new CompilationFacts(
            HasAspNetCore: compilation.GetTypeByMetadataName(EndpointFilterMetadataName) is not null,
            SupportsGeneratedCode: SupportsGeneratedCode(compilation));

        public static bool SupportsGeneratedCode(Compilation compilation) =>
            compilation is CSharpCompilation csharp && csharp.LanguageVersion >= LanguageVersion.CSharp11;
    }
}
