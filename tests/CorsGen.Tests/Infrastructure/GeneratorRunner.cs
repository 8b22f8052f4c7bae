extern alias runtime;

using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// Runs the real generator (and analyzer) in-memory over C# sources, the way the compiler does,
/// and compiles the result into an assembly the tests can load and host.
/// </summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The .NET and ASP.NET Core shared frameworks this test runs on, plus the attribute assembly.</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => References.Value;

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "CorsGenTestPolicies", IEnumerable<MetadataReference>? references = null, CSharpParseOptions? parseOptions = null)
    {
        var options = parseOptions ?? ParseOptions;
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references ?? FrameworkReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));
    }

    /// <summary>
    /// What the .NET SDK never reports (its default NoWarn): CS1701/CS1702, a reference built against an older framework
    /// version (CorsGen.Runtime targets net8.0) unified with the one the application runs on.
    /// </summary>
    internal static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn = ImmutableDictionary.CreateRange(new[]
    {
        KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress),
        KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress),
    });

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new KongCorsGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with the generated files added.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Generate(CSharpCompilation compilation)
    {
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Length > 0)
        {
            throw new InvalidOperationException("The generator reported: " + string.Join("\n", diagnostics));
        }

        return (output, driver.GetRunResult());
    }

    /// <summary>Generated source text by hint name.</summary>
    public static IReadOnlyDictionary<string, string> GeneratedSources(GeneratorDriverRunResult result) =>
        result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The analyzer's diagnostics for the sources (with the generator's output in the compilation).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KongCorsAnalyzer()));
        return await withAnalyzer.GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Generates, compiles (failing on any warning or error) and loads the assembly.</summary>
    public static Assembly CompileAndLoad(params string[] sources) =>
        // A fresh name each time: several compilations live in the one test process.
        CompileAndLoad("CorsGenTestPolicies" + Guid.NewGuid().ToString("N"), FrameworkReferences, sources, out _);

    /// <summary>
    /// Generates, compiles (failing on any warning or error) and loads an assembly of the given name over the
    /// given references; <paramref name="image"/> lets a second compilation reference it.
    /// </summary>
    public static Assembly CompileAndLoad(string assemblyName, IEnumerable<MetadataReference> references, IEnumerable<string> sources, out MetadataReference image)
    {
        var compilation = CreateCompilation(sources, assemblyName, references);
        var (output, _) = Generate(compilation);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", emit.Diagnostics.Take(20)));
        }

        image = MetadataReference.CreateFromImage(stream.ToArray());
        stream.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(stream);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var directories = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(HttpContext).Assembly.Location)!,
        };

        var files = directories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"))
            .Where(IsManagedAssembly)
            .Append(typeof(KongCorsAttribute).Assembly.Location)
            .Append(typeof(runtime::CorsGen.Runtime.KongCorsConfiguredOrigins).Assembly.Location);

        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
