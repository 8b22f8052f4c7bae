using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CorsGen.Tests.Kong;

/// <summary>
/// The schema cases of Kong's spec (rules S1, S2): a configuration Kong accepts must build without an
/// error; one Kong rejects must fail the build with an error on the element Kong names, unless the
/// case records a deliberate difference (D3: any valid method token is accepted).
/// </summary>
public sealed partial class KongSchemaTests
{
    public static TheoryData<string> SchemaCaseIds() => KongCorpus.IdsOf(KongCorpus.SchemaCases);

    [Theory]
    [MemberData(nameof(SchemaCaseIds))]
    public async Task Kong_schema_case_is_judged_at_build_time_as_kong_judges_it(string id)
    {
        var kongCase = KongCorpus.Get(id);
        var source = "using CorsGen;\n\nnamespace KongSchema;\n\n" + kongCase.AttributeSource() + "\npublic static partial class Policy;\n";
        var compilation = GeneratorRunner.CreateCompilation([source]);
        var errors = (await GeneratorRunner.AnalyzeAsync(compilation)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        var kongAccepts = kongCase.Expect.GetProperty("schema_valid").GetBoolean();
        var difference = kongCase.Differs;
        if (kongAccepts || difference == "D3")
        {
            Assert.True(errors.Count == 0, $"{kongCase}: Kong accepts it{(difference is null ? "" : $" (CorsGen too, {difference})")}, but CorsGen reports\n  " + string.Join("\n  ", errors));
            var (_, result) = GeneratorRunner.Generate(compilation);
            Assert.Contains(result.GeneratedTrees, tree => tree.FilePath.Contains("Policy", StringComparison.Ordinal));
            return;
        }

        Assert.Null(difference);
        foreach (var (field, message) in kongCase.Expect.GetProperty("schema_errors").EnumerateObject().Select(p => (p.Name, p.Value.GetString())))
        {
            // Kong names the element Lua-style, 1-based: config.origins[2].
            var match = ElementPath().Match(field);
            Assert.True(match.Success, $"{kongCase}: unexpected error path {field}");
            var values = kongCase.Config.GetProperty(match.Groups["field"].Value).EnumerateArray().Select(v => v.GetString()!).ToList();
            var element = values[int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
            var literal = "@\"" + element.Replace("\"", "\"\"") + "\"";
            var start = source.IndexOf(literal, StringComparison.Ordinal);
            Assert.True(
                errors.Any(e => e.Location.SourceSpan.Start >= start && e.Location.SourceSpan.End <= start + literal.Length),
                $"{kongCase}: Kong rejects {field} ({message}); CorsGen reports no error inside {literal}:\n  " + string.Join("\n  ", errors));
        }
    }

    [GeneratedRegex(@"^config\.(?<field>[a-z_]+)\[(?<index>[0-9]+)\]$")]
    private static partial Regex ElementPath();
}
