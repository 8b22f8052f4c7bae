using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CorsGen.Tests.Analyzer;

/// <summary>
/// Runs <see cref="KongCorsAnalyzer"/> with Microsoft.CodeAnalysis.Testing over markup sources
/// (<c>{|CORS003:...|}</c> marks the exact span a diagnostic must have). References are the shared
/// frameworks this test runs on, so no reference package is downloaded.
/// </summary>
internal static class AnalyzerVerifier
{
    public static Task VerifyAsync(string source, LanguageVersion languageVersion = LanguageVersion.CSharp12, bool aspNetCore = true)
    {
        var test = new CSharpAnalyzerTest<KongCorsAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };

        test.TestState.AdditionalReferences.AddRange(aspNetCore
            ? GeneratorRunner.FrameworkReferences
            : GeneratorRunner.FrameworkReferences.Where(r => !(r.Display ?? "").Contains("Microsoft.AspNetCore", StringComparison.Ordinal)));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion));
        });

        return test.RunAsync();
    }
}
