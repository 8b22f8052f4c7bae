using System.Globalization;
using System.Text;
using System.Text.Json;
using CorsGen.Policy;

namespace CorsGen.Tests.Kong;

/// <summary>
/// The conformance corpus taken from Kong's own spec (<c>kong/cases.json</c>): each distinct plugin
/// configuration becomes one <c>[KongCors]</c> policy class, written as a user would write it.
/// </summary>
internal static class KongCorpus
{
    private static readonly Lazy<IReadOnlyList<KongCase>> LazyCases = new(Load);

    public static IReadOnlyList<KongCase> Cases => LazyCases.Value;

    public static IEnumerable<KongCase> HttpCases => Cases.Where(c => c.Kind == "http");

    public static IEnumerable<KongCase> SchemaCases => Cases.Where(c => c.Kind == "schema");

    /// <summary>The ids of <paramref name="cases"/>, as xunit theory data.</summary>
    public static TheoryData<string> IdsOf(IEnumerable<KongCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var kongCase in cases)
        {
            data.Add(kongCase.Id);
        }

        return data;
    }

    /// <summary>The distinct configurations of the http cases, each with the policy class name it compiles to.</summary>
    public static IReadOnlyDictionary<string, string> PolicyClassByConfig { get; } = HttpCases
        .Select(c => c.ConfigKey)
        .Distinct()
        .Select((key, i) => (key, name: "KongConfig" + (i + 1).ToString("D2", CultureInfo.InvariantCulture)))
        .ToDictionary(p => p.key, p => p.name);

    public static KongCase Get(string id) => Cases.Single(c => c.Id == id);

    /// <summary>One policy class per distinct configuration, in one source file.</summary>
    public static string PolicySource(IEnumerable<KongCase> cases)
    {
        var source = new StringBuilder("using CorsGen;\n\nnamespace KongCorpus;\n\n");
        foreach (var group in cases.GroupBy(c => c.ConfigKey))
        {
            var first = group.First();
            source.Append("// ").Append(first.ConfigKey).Append('\n');
            source.Append(first.AttributeSource()).Append('\n');
            source.Append("public static partial class ").Append(PolicyClassByConfig[group.Key]).Append(";\n\n");
        }

        return source.ToString();
    }

    private static IReadOnlyList<KongCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Kong", "cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(KongCase.From).ToList();
    }
}

/// <summary>One case of the corpus.</summary>
internal sealed record KongCase(
    string Id,
    string Kind,
    string Name,
    JsonElement Config,
    JsonElement Request,
    JsonElement Context,
    JsonElement Expect,
    string? Differs)
{
    public static KongCase From(JsonElement element) => new(
        element.GetProperty("id").GetString()!,
        element.GetProperty("kind").GetString()!,
        element.GetProperty("name").GetString()!,
        element.GetProperty("config").Clone(),
        element.TryGetProperty("request", out var request) ? request.Clone() : default,
        element.TryGetProperty("context", out var context) ? context.Clone() : default,
        element.GetProperty("expect").Clone(),
        element.TryGetProperty("differs", out var differs) ? differs.GetString() : null);

    /// <summary>The configuration as canonical JSON: cases with equal keys share one policy class.</summary>
    public string ConfigKey => JsonSerializer.Serialize(Config);

    public string PolicyClass => KongCorpus.PolicyClassByConfig[ConfigKey];

    public IReadOnlyList<string> Origins =>
        Config.TryGetProperty("origins", out var origins) && origins.ValueKind == JsonValueKind.Array
            ? origins.EnumerateArray().Select(o => o.GetString()!).ToList()
            : [];

    /// <summary>Whether an origin entry is a regex (O4): those need the regex compiler.</summary>
    public bool HasRegexOrigin => Origins.Count > 0 && !(Origins.Count == 1 && Origins[0] == "*")
        && Origins.Any(o => OriginEntry.Classify(o) == OriginEntryKind.Regex);

    /// <summary>The <c>[KongCors(...)]</c> line for this configuration; an explicit null (Lua ngx.null) is left unset.</summary>
    public string AttributeSource()
    {
        var arguments = new List<string>();
        foreach (var property in Config.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var name = property.Name switch
            {
                "origins" => "Origins",
                "methods" => "Methods",
                "headers" => "Headers",
                "exposed_headers" => "ExposedHeaders",
                "max_age" => "MaxAge",
                "credentials" => "Credentials",
                "preflight_continue" => "PreflightContinue",
                "private_network" => "PrivateNetwork",
                "allow_origin_absent" => "AllowOriginAbsent",
                _ => throw new InvalidOperationException($"{Id}: unknown config field {property.Name}"),
            };

            var value = property.Value.ValueKind switch
            {
                JsonValueKind.Array => "[" + string.Join(", ", property.Value.EnumerateArray().Select(v => CSharpString(v.GetString()!))) + "]",
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => property.Value.GetInt32().ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"{Id}: unexpected value for {property.Name}"),
            };

            arguments.Add($"{name} = {value}");
        }

        return arguments.Count == 0 ? "[KongCors]" : "[KongCors(" + string.Join(", ", arguments) + ")]";
    }

    private static string CSharpString(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

    public override string ToString() => $"{Id}: {Name}";
}
