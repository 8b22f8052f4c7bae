using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Benchmarks;

/// <summary>
/// Part 4: build cost. The generator runs in-process (as the compiler runs it) over a project with 1, 100
/// and 1,000 policies, each with a few exact origins and one regex; then again after an unrelated edit,
/// which the incremental pipeline must answer from its cache without policy work.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(1, 100, 1000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new StringBuilder("using CorsGen;\nnamespace BuildCost;\n");
        for (var i = 0; i < Policies; i++)
        {
            source.Append($"[KongCors(Origins = [\"https://app{i}.example.com\", \"https://admin{i}.example.com\", @\"https://(.+\\.)?tenant{i}\\.example\\.net\"], Credentials = true, MaxAge = 600)]\n");
            source.Append($"public static partial class Policy{i};\n");
        }

        var references = new[] { typeof(object), typeof(HttpContext), typeof(KongCorsAttribute), typeof(Microsoft.AspNetCore.Builder.IEndpointConventionBuilder), typeof(Microsoft.AspNetCore.Routing.HttpMethodMetadata) }
            .Select(t => t.Assembly.Location)
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.*.dll"))
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create(
            "BuildCost",
            [CSharpSyntaxTree.ParseText(source.ToString(), ParseOptions), CSharpSyntaxTree.ParseText("namespace BuildCost; public static class Other { public static int Value() => 1; }", ParseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var other = _compilation.SyntaxTrees.Last();
        _edited = _compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("namespace BuildCost; public static class Other { public static int Value() => 2; }", ParseOptions));
        _warmDriver = NewDriver().RunGenerators(_compilation);
        if (_warmDriver.GetRunResult().GeneratedTrees.Length != Policies + 2)
        {
            throw new InvalidOperationException("The generator did not generate every policy.");
        }
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new KongCorsGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    // Each run gets a clone: the same trees and references but new symbols, as each build or IDE edit
    // has, so nothing comes from the previous iteration's semantic caches.
    [Benchmark(Description = "First run")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "After an unrelated edit")]
    public GeneratorDriver IncrementalRun() => _warmDriver.RunGenerators(_edited.Clone());
}
