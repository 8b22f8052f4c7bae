using System.Collections;
using System.Reflection;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Tests.Generator;

/// <summary>
/// The generator must do no policy work when nothing about a policy changed, and must keep no Roslyn
/// object (which would pin whole compilations in memory and defeat caching) in its pipeline.
/// </summary>
public sealed class IncrementalTests
{
    private const string PolicySource = """
        using CorsGen;

        namespace Shop;

        [KongCors(Origins = ["https://shop.example.com", "partner.test"], Credentials = true, MaxAge = 600)]
        public static partial class ShopCors;

        [KongCors]
        internal static partial class PublicCors;
        """;

    private const string OtherSource = """
        namespace Shop;

        public static class Pricing
        {
            public static decimal WithTax(decimal price) => price * 1.2m;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        var (driver, compilation) = RunOnce();
        var next = compilation.AddSyntaxTrees(Parse("namespace Shop; public sealed class Basket { }"));
        var result = driver.RunGenerators(next).GetRunResult().Results[0];

        GeneratorCaching.AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_an_unrelated_method_leaves_every_step_cached()
    {
        var (driver, compilation) = RunOnce();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("WithTax", StringComparison.Ordinal));
        var next = compilation.ReplaceSyntaxTree(old, Parse(OtherSource.Replace("1.2m", "1.25m", StringComparison.Ordinal)));
        var result = driver.RunGenerators(next).GetRunResult().Results[0];

        GeneratorCaching.AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_the_policy_file_without_changing_the_policy_leaves_the_model_unchanged()
    {
        var (driver, compilation) = RunOnce();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("ShopCors", StringComparison.Ordinal));
        var next = compilation.ReplaceSyntaxTree(old, Parse(PolicySource + "\n// a comment\n"));
        var result = driver.RunGenerators(next).GetRunResult().Results[0];

        GeneratorCaching.AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Changing_an_attribute_argument_modifies_that_policy_only()
    {
        var (driver, compilation) = RunOnce();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("ShopCors", StringComparison.Ordinal));
        var next = compilation.ReplaceSyntaxTree(old, Parse(PolicySource.Replace("MaxAge = 600", "MaxAge = 900", StringComparison.Ordinal)));
        var result = driver.RunGenerators(next).GetRunResult().Results[0];

        var reasons = result.TrackedSteps[TrackingNames.CompiledPolicies].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("\"900\"", result.GeneratedSources.Single(s => s.HintName.StartsWith("Shop.ShopCors", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void No_step_holds_a_compilation_a_symbol_or_a_syntax_node()
    {
        var (driver, compilation) = RunOnce();
        var second = driver.RunGenerators(compilation.AddSyntaxTrees(Parse("class Unrelated { }"))).GetRunResult().Results[0];
        foreach (var result in new[] { driver.GetRunResult().Results[0], second })
        {
            // Our named steps; Roslyn's own internal steps legitimately hold syntax trees.
            foreach (var name in GeneratorCaching.TrackedSteps)
            {
                foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
                {
                    RoslynObjectFinder.AssertNone(output.Value, name);
                }
            }
        }
    }

    [Fact]
    public void The_roslyn_object_finder_finds_a_syntax_tree_held_in_a_model()
    {
        var held = (Name: "policy", Tree: Parse("class C { }"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RoslynObjectFinder.AssertNone(held, "test"));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = GeneratorRunner.GeneratedSources(GeneratorRunner.Generate(Create()).Result);
        var second = GeneratorRunner.GeneratedSources(GeneratorRunner.Generate(Create()).Result);
        Assert.Equal(first.OrderBy(p => p.Key), second.OrderBy(p => p.Key));
        Assert.Equal(
            ["CorsGen.KongCorsStartupCheck.g.cs", "Shop.PublicCors.KongCors.g.cs", "Shop.ShopCors.KongCors.g.cs"],
            first.Keys.Order(StringComparer.Ordinal));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        var compilation = Create();
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        Assert.Equal(3, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static CSharpCompilation Create() => GeneratorRunner.CreateCompilation([PolicySource, OtherSource]);

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, GeneratorRunner.ParseOptions);

    /// <summary>Walks an object graph and fails on any Roslyn object that must not live in the pipeline.</summary>
    private static class RoslynObjectFinder
    {
        public static void AssertNone(object? value, string step) => Walk(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), step);

        private static void Walk(object? value, string path, HashSet<object> seen, string step)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
            {
                return;
            }

            Assert.False(
                value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location or SyntaxTree,
                $"step {step} holds a {value.GetType().Name} at {path}");

            if (!value.GetType().IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable sequence)
            {
                var i = 0;
                foreach (var item in sequence)
                {
                    Walk(item, $"{path}[{i++}]", seen, step);
                }

                return;
            }

            for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    Walk(field.GetValue(value), $"{path}.{field.Name}", seen, step);
                }
            }
        }
    }
}
