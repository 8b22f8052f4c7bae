using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Tests.Package;

/// <summary>
/// The analyzer assembly is built against Roslyn 4.8.0, so it loads in the .NET 8 SDK's compiler
/// and every newer one. The newest compiler is covered by every build of the sample (the
/// current SDK); the oldest by this test process, which runs the generator and the analyzer on
/// Roslyn 4.8.0 itself.
/// </summary>
public sealed class CompilerCompatibilityTests
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    [Fact]
    public void The_tests_run_the_generator_on_Roslyn_4_8_0()
    {
        Assert.Equal(Roslyn48, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Roslyn48, typeof(CSharpGeneratorDriver).Assembly.GetName().Version);
        Assert.Equal(Roslyn48, typeof(CompilationWithAnalyzers).Assembly.GetName().Version);
    }

    [Fact]
    public void The_analyzer_assembly_references_Roslyn_4_8_0_and_nothing_newer()
    {
        var references = AssemblyReferences(typeof(KongCorsGenerator).Assembly.Location);

        Assert.Equal(Roslyn48, references["Microsoft.CodeAnalysis"]);
        Assert.Equal(Roslyn48, references["Microsoft.CodeAnalysis.CSharp"]);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", references.Keys);
        AssertLoadsInTheNet8Compiler(references);
    }

    [Fact]
    public void The_code_fix_assembly_references_Roslyn_4_8_0_Workspaces_and_nothing_newer()
    {
        var references = AssemblyReferences(typeof(CorsGen.CodeFixes.WrapAlternationInGroupFix).Assembly.Location);

        Assert.Equal(Roslyn48, references["Microsoft.CodeAnalysis.Workspaces"]);
        AssertLoadsInARoslyn48Ide(references);
    }

    /// <summary>
    /// Every reference is netstandard 2.0, Roslyn 4.8.0 itself, or a library no newer than the one
    /// Roslyn 4.8.0 depends on and ships with (System.Collections.Immutable and System.Reflection.Metadata 7.0,
    /// System.Memory 4.5.5 whose assembly version is 4.0.1.2, System.Runtime.CompilerServices.Unsafe 6.0);
    /// never Workspaces (RS1038) nor anything the compiler does not provide.
    /// </summary>
    internal static void AssertLoadsInTheNet8Compiler(IReadOnlyDictionary<string, Version> references)
    {
        var allowed = new Dictionary<string, Version>
        {
            ["netstandard"] = new(2, 0, 0, 0),
            ["Microsoft.CodeAnalysis"] = Roslyn48,
            ["Microsoft.CodeAnalysis.CSharp"] = Roslyn48,
            ["System.Collections.Immutable"] = new(7, 0, 0, 0),
            ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
            ["System.Memory"] = new(4, 0, 1, 2),
            ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        };

        foreach (var (name, version) in references)
        {
            Assert.True(allowed.TryGetValue(name, out var newest), $"The analyzer assembly references {name} {version}, which the compiler does not provide.");
            Assert.True(version <= newest, $"The analyzer assembly references {name} {version}, newer than {newest}.");
        }
    }

    /// <summary>
    /// The code fixes are loaded by IDEs, not by the compiler: besides what the analyzer may reference,
    /// they may reference Roslyn 4.8.0's Workspaces and the analyzer assembly of the same version, and nothing
    /// newer, so they load wherever the analyzer does. Not System.Composition: the package source resolves a newer
    /// one than Workspaces 4.8.0 ships with, so the fixes use no MEF attribute of their own (no [Shared]).
    /// </summary>
    internal static void AssertLoadsInARoslyn48Ide(IReadOnlyDictionary<string, Version> references)
    {
        var analyzerVersion = typeof(KongCorsGenerator).Assembly.GetName().Version!;
        var workspaces = new Dictionary<string, Version>
        {
            ["Microsoft.CodeAnalysis.Workspaces"] = Roslyn48,
            ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = Roslyn48,
            ["CorsGen"] = analyzerVersion,
        };

        foreach (var (name, version) in workspaces)
        {
            if (references.TryGetValue(name, out var referenced))
            {
                Assert.True(referenced <= version, $"The code-fix assembly references {name} {referenced}, newer than {version}.");
            }
        }

        Assert.Equal(analyzerVersion, references["CorsGen"]);
        AssertLoadsInTheNet8Compiler(references.Where(r => !workspaces.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => r.Value));
    }

    /// <summary>The assembly references of a file, read without loading it.</summary>
    internal static IReadOnlyDictionary<string, Version> AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        return AssemblyReferences(stream);
    }

    internal static IReadOnlyDictionary<string, Version> AssemblyReferences(Stream stream)
    {
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
    }

    [Fact]
    public async Task Generator_and_analyzer_run_through_the_Roslyn_4_8_0_driver()
    {
        var compilation = GeneratorRunner.CreateCompilation(
        [
            """
            using CorsGen;

            [KongCors(Origins = ["https://shop.example.com"], Credentials = true)]
            internal static partial class ShopCors;

            [KongCors(Origins = ["*"], Credentials = true)]
            internal static partial class LeakyCors;
            """,
        ]);

        var (output, result) = GeneratorRunner.Generate(compilation);
        var diagnostics = await GeneratorRunner.AnalyzeAsync(output);

        Assert.Equal(Roslyn48, typeof(GeneratorDriver).Assembly.GetName().Version);
        Assert.Contains("ShopCors.KongCors.g.cs", GeneratorRunner.GeneratedSources(result).Keys);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CORS003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
