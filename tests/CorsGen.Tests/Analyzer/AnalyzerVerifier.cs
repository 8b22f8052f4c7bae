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
    /// <param name="generatedSources">
    /// Also compile what the generator writes for <paramref name="source"/> (markup removed), for sources that call
    /// the generated <c>With...()</c> methods.
    /// </param>
    /// <param name="expected">
    /// Diagnostics checked beyond the markup, such as their message: <c>{|#0:...|}</c> marks the span and
    /// <c>.WithLocation(0)</c> refers to it.
    /// </param>
    /// <param name="requestDelegateGenerator">
    /// Parse options as the SDK sets them where ASP.NET Core's Request Delegate Generator runs (its interceptors namespace).
    /// </param>
    /// <param name="additionalFiles">AdditionalFiles (appsettings*.json), with markup as in <paramref name="source"/>.</param>
    public static Task VerifyAsync(
        string source, LanguageVersion languageVersion = LanguageVersion.CSharp12, bool aspNetCore = true, bool generatedSources = false, IEnumerable<DiagnosticResult>? expected = null,
        bool requestDelegateGenerator = false, IEnumerable<(string Path, string Text)>? additionalFiles = null)
    {
        var test = new CSharpAnalyzerTest<KongCorsAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.ExpectedDiagnostics.AddRange(expected ?? []);
        foreach (var file in additionalFiles ?? [])
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        if (generatedSources)
        {
            TestFileMarkupParser.GetSpans(source, out var plain, out System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
            var (_, result) = GeneratorRunner.Generate(GeneratorRunner.CreateCompilation([plain]));
            foreach (var (hint, text) in GeneratorRunner.GeneratedSources(result))
            {
                test.TestState.Sources.Add((hint, text));
            }
        }

        test.TestState.AdditionalReferences.AddRange(aspNetCore
            ? GeneratorRunner.FrameworkReferences
            : GeneratorRunner.FrameworkReferences.Where(r => !(r.Display ?? "").Contains("Microsoft.AspNetCore", StringComparison.Ordinal)));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion);
            return solution.WithProjectParseOptions(projectId, requestDelegateGenerator ? RequestDelegateGeneratorOn(options) : options);
        });

        return test.RunAsync();
    }

    /// <summary>The parse options of a project whose SDK enables the Request Delegate Generator (PublishAot).</summary>
    public static CSharpParseOptions RequestDelegateGeneratorOn(CSharpParseOptions options) =>
        options.WithFeatures([new("InterceptorsNamespaces", "Microsoft.AspNetCore.Http.Generated;Microsoft.Extensions.Validation.Generated")]);
}
