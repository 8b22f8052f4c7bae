using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Docs;

/// <summary>
/// Generated code cites Kong rule ids in its comments (O8, D4...) and its header points to <c>docs/kong-rules.md</c>:
/// every id cited by any approved snapshot must have its entry there, and the header must name that page.
/// </summary>
public sealed partial class KongRulesDocTests
{
    private static readonly string RulesPage = Path.Combine(RepositoryRoot.Path, "docs", "kong-rules.md");

    [Fact]
    public void Every_rule_id_cited_in_generated_code_has_an_entry()
    {
        var page = File.ReadAllText(RulesPage);
        var snapshots = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests", "CorsGen.Tests", "Snapshots", "Approved"), "*.approved.cs").ToList();
        Assert.NotEmpty(snapshots);
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in snapshots.SelectMany(File.ReadLines))
        {
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0)
            {
                foreach (Match id in RuleId().Matches(line[comment..]))
                {
                    cited.Add(id.Value);
                }
            }
        }

        Assert.True(cited.Count > 20, $"only {cited.Count} ids found: the scan is broken");
        var missing = cited.Where(id => !page.Contains($"- **{id} ", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "cited in generated code but without an entry in docs/kong-rules.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Generated_files_link_to_the_rules_page()
    {
        Assert.EndsWith("/docs/kong-rules.md", GeneratorInfo.RulesUrl, StringComparison.Ordinal);
        Assert.True(File.Exists(RulesPage));
    }

    [GeneratedRegex(@"\b(?:[DRPCAS][1-9]|O(?:10|[1-9]))\b")]
    private static partial Regex RuleId();
}
