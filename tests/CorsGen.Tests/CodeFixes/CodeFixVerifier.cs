using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CorsGen.Tests.CodeFixes;

/// <summary>
/// Runs <see cref="KongCorsAnalyzer"/> and one code fix with Microsoft.CodeAnalysis.Testing: the source's
/// markup must be exactly what the analyzer reports; the fix, applied one diagnostic at a time and
/// with Fix All (document, project, solution), must give <c>fixedSource</c>, and the fixed code must
/// compile (no compiler warning or error) and have exactly the diagnostics its own markup shows
/// (none, unless written). References are the shared frameworks this test runs on, as in
/// <see cref="Analyzer.AnalyzerVerifier"/>: nothing is downloaded.
/// </summary>
internal static class CodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="source">The code before, with diagnostic markup (<c>{|CORS021:.|}</c>).</param>
    /// <param name="fixedSource">The code after applying the fix to every diagnostic, one at a time.</param>
    /// <param name="batchFixedSource">The code after Fix All, when it differs from <paramref name="fixedSource"/>.</param>
    /// <param name="equivalenceKey">Which of the fix's actions to apply, when it offers more than one.</param>
    /// <param name="iterations">How many single fixes it takes; by default, at most one per diagnostic.</param>
    /// <param name="fixAllIterations">How many Fix All passes it takes; by default one.</param>
    /// <param name="requestDelegateGenerator">Parse options of a project where the Request Delegate Generator runs.</param>
    public static Task VerifyAsync(
        string source,
        string fixedSource,
        string? batchFixedSource = null,
        string? equivalenceKey = null,
        int? iterations = null,
        int? fixAllIterations = null,
        bool requestDelegateGenerator = false)
    {
        var test = new CSharpCodeFixTest<KongCorsAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = fixAllIterations,
        };

        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
        }

        // The fixed states inherit the references.
        test.TestState.AdditionalReferences.AddRange(GeneratorRunner.FrameworkReferences);

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12);

            // What the SDK never reports (CS1701: CorsGen.Runtime, built for net8.0, unified with this framework's assemblies).
            var compilationOptions = project.CompilationOptions!.WithSpecificDiagnosticOptions(
                project.CompilationOptions.SpecificDiagnosticOptions.SetItems(GeneratorRunner.SdkNoWarn));
            return solution
                .WithProjectParseOptions(projectId, requestDelegateGenerator ? Analyzer.AnalyzerVerifier.RequestDelegateGeneratorOn(options) : options)
                .WithProjectCompilationOptions(projectId, compilationOptions);
        });

        return test.RunAsync();
    }

    /// <summary>The fix offers nothing for these diagnostics: the code stays as it is.</summary>
    public static Task VerifyNoFixAsync(string source)
    {
        var test = new CSharpCodeFixTest<KongCorsAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };

        test.TestState.AdditionalReferences.AddRange(GeneratorRunner.FrameworkReferences);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12));
        });

        return test.RunAsync();
    }
}
