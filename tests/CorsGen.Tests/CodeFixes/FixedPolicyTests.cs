using System.Collections.Immutable;
using CorsGen.CodeFixes;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Tests.CodeFixes;

/// <summary>
/// The fixes together, as a developer applies them one light bulb at a time: a policy with one of each
/// problem becomes a policy the analyzer finds clean, the generator compiles without a warning, and
/// that allows the origins that were meant and none of those the broken entries let in.
/// </summary>
public sealed class FixedPolicyTests
{
    private static readonly CodeFixProvider[] Fixes =
    [
        new WrapAlternationInGroupFix(),
        new EscapeUnescapedDotFix(),
        new GlobToRegexFix(),
        new LowerCaseOriginFix(),
        new UpperCaseMethodFix(),
        new SplitCommaSeparatedEntryFix(),
        new RemoveDuplicateEntryFix(),
        new DropOriginPathFix(),
    ];

    private const string Broken = """
        using CorsGen;

        namespace FixedPolicies;

        [KongCors(
            Origins = ["https://*.example.com", @"https://a\.example\.org|https://b\.example\.org", "https://api.shop.example.net(:8443)?", "https://Partner.example.com/", "https://partner.example.com"],
            Methods = ["get", "POST", "POST"],
            Headers = ["Content-Type, X-Api-Key"],
            Credentials = true)]
        public static partial class ShopCors;
        """;

    private const string Fixed = """
        using CorsGen;

        namespace FixedPolicies;

        [KongCors(
            Origins = ["https://([a-z0-9-]+\\.)+example\\.com", @"(?:https://a\.example\.org|https://b\.example\.org)", "https://api\\.shop\\.example\\.net(:8443)?", "https://partner.example.com"],
            Methods = ["GET", "POST"],
            Headers = ["Content-Type", "X-Api-Key"],
            Credentials = true)]
        public static partial class ShopCors;
        """;

    [Fact]
    public async Task Fixing_every_diagnostic_gives_a_clean_policy_that_allows_what_was_meant()
    {
        var before = await AnalyzeAsync(Broken);
        Assert.Equal(
            ["CORS005", "CORS020", "CORS021", "CORS021", "CORS021", "CORS021", "CORS023", "CORS030", "CORS033", "CORS034", "CORS042"],
            before.Select(d => d.Id).Order(StringComparer.Ordinal));

        var (text, applied) = await FixEverythingAsync(Broken);

        Assert.Equal(Fixed, text);
        Assert.Empty(await AnalyzeAsync(text));
        Assert.Contains(applied, id => id == "CORS042"); // the duplicate only appears once the case is fixed
        Assert.Empty(new[] { "CORS005", "CORS020", "CORS021", "CORS023", "CORS030", "CORS033", "CORS034" }.Except(applied));

        var policies = GeneratorRunner.CompileAndLoad(text);
        string? AllowOrigin(string origin) =>
            (string?)policies.GetType("FixedPolicies.ShopCors", throwOnError: true)!.GetMethod("GetAllowOrigin")!.Invoke(null, [origin]);

        foreach (var meant in new[] { "https://shop.example.com", "https://eu.shop.example.com", "https://a.example.org", "https://b.example.org", "https://api.shop.example.net", "https://api.shop.example.net:8443", "https://partner.example.com" })
        {
            Assert.Equal(meant, AllowOrigin(meant));
        }

        foreach (var attack in new[] { "https://example.com", "https://evil-example.com", "https://a.example.org.evil.example", "https://apixshop.example.net", "https://api.shopxexample.net", "https://Partner.example.com" })
        {
            Assert.Null(AllowOrigin(attack));
        }
    }

    /// <summary>Applies the first fix offered for the first fixable diagnostic, again and again, until none is left.</summary>
    private static async Task<(string Text, List<string> Applied)> FixEverythingAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "FixedPolicies",
            "FixedPolicies",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: GeneratorRunner.ParseOptions,
            metadataReferences: GeneratorRunner.FrameworkReferences));
        var document = workspace.AddDocument(project.Id, "ShopCors.cs", SourceText.From(source));
        var applied = new List<string>();
        for (var step = 0; step < 50; step++)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KongCorsAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var next = await FirstFixAsync(document, diagnostics.OrderBy(d => d.Location.SourceSpan.Start));
            if (next is null)
            {
                return ((await document.GetTextAsync()).ToString(), applied);
            }

            var operations = await next.Value.Action.GetOperationsAsync(CancellationToken.None);
            document = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            applied.Add(next.Value.Id);
        }

        throw new InvalidOperationException("The fixes did not converge: " + string.Join(", ", applied));
    }

    private static async Task<(string Id, CodeAction Action)?> FirstFixAsync(Document document, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                if (actions.Count > 0)
                {
                    return (diagnostic.Id, actions[0]);
                }
            }
        }

        return null;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = GeneratorRunner.CreateCompilation([source], "FixedPolicies" + Guid.NewGuid().ToString("N"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return await GeneratorRunner.AnalyzeAsync(compilation);
    }
}
