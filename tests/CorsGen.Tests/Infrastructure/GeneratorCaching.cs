using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Tests.Infrastructure;

/// <summary>What every generator test can assert about the incremental pipeline's caching.</summary>
internal static class GeneratorCaching
{
    /// <summary>Every named step of the generator.</summary>
    public static readonly string[] TrackedSteps =
    [
        TrackingNames.CompilationFacts,
        TrackingNames.PolicyDeclarations,
        TrackingNames.CompiledPolicies,
        TrackingNames.PoliciesWithFacts,
        TrackingNames.StartupChecks,
        TrackingNames.AssemblyStartupCheck,
    ];

    /// <summary>
    /// Runs the generator on <paramref name="compilation"/> twice with independent drivers and asserts that every
    /// tracked step produced equal values both times (so each model, automata included, has value equality), then
    /// runs the first driver again after an edit that changes no policy (a comment appended to every file) and asserts
    /// that every step and output is cached or unchanged.
    /// </summary>
    public static void AssertCachedOnRerun(CSharpCompilation compilation)
    {
        var first = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var second = GeneratorRunner.CreateDriver().RunGenerators(compilation.Clone());
        var firstRun = first.GetRunResult().Results[0];
        var secondRun = second.GetRunResult().Results[0];
        foreach (var name in TrackedSteps)
        {
            var before = Values(firstRun, name);
            var after = Values(secondRun, name);
            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.True(Equals(before[i], after[i]), $"step {name}: output {i} is not equal to itself from a second run ({before[i]?.GetType().Name})");
            }
        }

        var edited = compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            edited = edited.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString() + "\n// edited\n", (CSharpParseOptions)tree.Options));
        }

        AssertAllCachedOrUnchanged(first.RunGenerators(edited).GetRunResult().Results[0]);
    }

    public static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} did not run");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name}: {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {output.Reason}");
        }
    }

    private static List<object?> Values(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (object?)o.Value).ToList();
}
