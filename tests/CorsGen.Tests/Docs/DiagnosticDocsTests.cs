using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Tests.Docs;

/// <summary>
/// Keeps <c>docs/diagnostics/</c> honest: one page per descriptor, titled and classified as the descriptor is, listed in
/// the index; each page's bad example, compiled with the generator and the analyzer, reports the page's id and exactly
/// the messages the page shows, and its good example reports no CorsGen diagnostic at all.
/// </summary>
public sealed class DiagnosticDocsTests
{
    private static readonly string DocsFolder = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics");

    public static TheoryData<string> Ids()
    {
        var ids = new TheoryData<string>();
        foreach (var descriptor in Diagnostics.All)
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var known = Diagnostics.All.Select(d => d.Id + ".md").ToHashSet(StringComparer.Ordinal);
        foreach (var page in Directory.EnumerateFiles(DocsFolder, "CORS*.md").Select(Path.GetFileName))
        {
            Assert.True(known.Contains(page!), $"{page} documents no descriptor of Diagnostics.All.");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_has_the_descriptors_title_and_classification(string id)
    {
        var descriptor = Diagnostics.Get(id);
        var page = Page.Load(id);

        Assert.Equal($"# {id}: {descriptor.Title}", page.Lines[0]);
        Assert.EndsWith(id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);

        var classification = page.Lines.FirstOrDefault(l => l.StartsWith("Category:", StringComparison.Ordinal));
        Assert.True(classification is not null, $"{id}.md has no 'Category:' line.");
        Assert.Contains($"`{descriptor.Category}`", classification, StringComparison.Ordinal);
        Assert.Contains($"Default severity: {SeverityName(descriptor.DefaultSeverity)}", classification, StringComparison.Ordinal);
        if (descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable))
        {
            Assert.Contains("Configurable: no", classification, StringComparison.Ordinal);
            Assert.DoesNotContain("dotnet_diagnostic.", page.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Configurable: yes", classification, StringComparison.Ordinal);
            Assert.Contains($"dotnet_diagnostic.{id}.severity = ", page.Text, StringComparison.Ordinal);
        }

        foreach (var section in new[] { "## What it means", "## Why it matters", "## Example", "## How to fix" })
        {
            Assert.True(page.Lines.Contains(section), $"{id}.md has no '{section}' section.");
        }
    }

    [Fact]
    public void The_index_lists_every_id_with_its_severity_category_title_and_page()
    {
        var index = File.ReadAllLines(Path.Combine(DocsFolder, "README.md"));
        foreach (var descriptor in Diagnostics.All)
        {
            var row = index.SingleOrDefault(l => l.StartsWith($"| [{descriptor.Id}]({descriptor.Id}.md) |", StringComparison.Ordinal));
            Assert.True(row is not null, $"The index has no row for {descriptor.Id}.");
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(SeverityName(descriptor.DefaultSeverity), cells[2]);
            Assert.Equal($"`{descriptor.Category}`", cells[3]);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), cells[4].Replace("\\|", "|", StringComparison.Ordinal));
        }

        var listed = index.Count(l => l.StartsWith("| [CORS", StringComparison.Ordinal));
        Assert.Equal(Diagnostics.All.Length, listed);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task The_bad_example_reports_the_pages_id_and_the_messages_it_shows(string id)
    {
        var page = Page.Load(id);
        var actual = await AnalyzeAsync(id, page.Bad, bad: true);
        var formatted = actual.Select(Format).ToList();

        Assert.True(actual.Any(d => d.Id == id), $"{id}.md's bad example does not report {id}. It reports:\n{string.Join("\n", formatted)}");
        Assert.True(
            page.BadOutput.SequenceEqual(formatted),
            $"{id}.md shows:\n{string.Join("\n", page.BadOutput)}\nbut its bad example reports:\n{string.Join("\n", formatted)}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task The_good_example_reports_no_CorsGen_diagnostic(string id)
    {
        var page = Page.Load(id);
        var actual = await AnalyzeAsync(id, page.Good, bad: false);
        Assert.True(actual.IsEmpty, $"{id}.md's good example reports:\n{string.Join("\n", actual.Select(Format))}");
    }

    /// <summary>
    /// Generates, checks the example compiles (the generated code included) and runs the analyzer. Some pages need their own
    /// project settings: CORS009's bad example a C# version before 11, CORS010's no ASP.NET Core reference, both CORS014
    /// examples the parse options of a project where the Request Delegate Generator runs (PublishAot).
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string id, string source, bool bad)
    {
        var parseOptions = bad && id == Diagnostics.LanguageVersionTooLow.Id
            ? GeneratorRunner.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10)
            : id == Diagnostics.HiddenFromRequestDelegateGenerator.Id
                ? Analyzer.AnalyzerVerifier.RequestDelegateGeneratorOn(GeneratorRunner.ParseOptions)
                : GeneratorRunner.ParseOptions;
        var references = bad && id == Diagnostics.AspNetCoreMissing.Id
            ? GeneratorRunner.FrameworkReferences.Where(r => !(r.Display ?? "").Contains("Microsoft.AspNetCore", StringComparison.Ordinal))
            : GeneratorRunner.FrameworkReferences;

        var compilation = GeneratorRunner.CreateCompilation([source], "DocsExample", references, parseOptions);
        if (compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any())
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        }

        var (output, _) = GeneratorRunner.Generate(compilation);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{id}.md's {(bad ? "bad" : "good")} example does not compile:\n{string.Join("\n", errors)}");

        var diagnostics = await GeneratorRunner.AnalyzeAsync(output);
        return diagnostics
            .Where(d => d.Id.StartsWith("CORS", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>As the compiler prints it, without the location: <c>warning CORS021: The '.' in ...</c>.</summary>
    private static string Format(Diagnostic diagnostic) =>
        $"{SeverityName(diagnostic.Severity).ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "Error",
        DiagnosticSeverity.Warning => "Warning",
        DiagnosticSeverity.Info => "Info",
        _ => severity.ToString(),
    };

    /// <summary>One page: its lines, and its examples as the text after the "Bad" and "Good" labels.</summary>
    private sealed class Page
    {
        private Page(string text)
        {
            Text = text.ReplaceLineEndings("\n");
            Lines = Text.Split('\n');
        }

        public string Text { get; }

        public string[] Lines { get; }

        /// <summary>The first <c>```csharp</c> block after the "Bad" label.</summary>
        public string Bad => Fence(Label("Bad"), "csharp").Body;

        /// <summary>The diagnostics the page shows for the bad example: the first <c>```text</c> block after it, one per line.</summary>
        public IReadOnlyList<string> BadOutput
        {
            get
            {
                var (_, end) = Fence(Label("Bad"), "csharp");
                return Fence(end, "text").Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        /// <summary>The first <c>```csharp</c> block after the "Good" label.</summary>
        public string Good => Fence(Label("Good"), "csharp").Body;

        public static Page Load(string id)
        {
            var path = Path.Combine(DocsFolder, id + ".md");
            Assert.True(File.Exists(path), $"No page {path} for {id}.");
            return new Page(File.ReadAllText(path));
        }

        /// <summary>The line after a "Bad"/"Good" label: a heading (<c>### Bad</c>) or a bold label (<c>**Bad**</c>).</summary>
        private int Label(string name)
        {
            var label = new Regex($@"^(#+\s*{name}\b|\*\*{name}\b)");
            var line = Array.FindIndex(Lines, l => label.IsMatch(l));
            Assert.True(line >= 0, $"No '{name}' label in:\n{Lines[0]}");
            return line + 1;
        }

        private (string Body, int End) Fence(int from, string language)
        {
            var start = Array.FindIndex(Lines, from, l => l == "```" + language);
            Assert.True(start >= 0, $"No ```{language} block after line {from} of '{Lines[0]}'.");
            var end = Array.FindIndex(Lines, start + 1, l => l == "```");
            Assert.True(end > start, $"Unclosed ```{language} block at line {start} of '{Lines[0]}'.");
            return (string.Join("\n", Lines[(start + 1)..end]) + "\n", end + 1);
        }
    }
}
