extern alias runtime;

using CorsGen.Policy;
using CorsGen.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using runtime::CorsGen.Runtime;

namespace CorsGen.Tests.Runtime;

/// <summary>
/// Issue 15, step 2: origin entries read from an application's configuration (a JSON array, an environment-variable
/// override, Kong's comma-separated form), checked with the analyzer's rules, and matched as Kong matches them.
/// </summary>
public sealed class ConfiguredOriginsTests
{
    [Fact]
    public void A_json_array_gives_every_kind_of_entry_kong_accepts_in_order()
    {
        var origins = Read("""{ "Cors": { "Origins": ["https://shop.test", "partner.test", "https://app.test:443", "*", "(.+\\.)?lan\\.test", "https://[a-z]+\\.internal\\.test"] } }""");

        Assert.Equal(["https://shop.test", "partner.test", "https://app.test:443", "*", @"(.+\.)?lan\.test", @"https://[a-z]+\.internal\.test"], origins.Entries);
        Assert.Equal(3, origins.WildcardIndex);
        Assert.True(Matches(origins, "https://shop.test"));
        Assert.True(Matches(origins, "https://app.test"));            // O8: the entry's default port is its normal form
        Assert.True(Matches(origins, "https://app.test:443"));
        Assert.True(Matches(origins, "http://eu.lan.test:8080"));     // O7: a host-only regex, whatever the scheme and port
        Assert.True(Matches(origins, "https://box.internal.test"));
        Assert.False(Matches(origins, "https://evil.test"));
        Assert.False(Matches(origins, "https://shop.test.evil"));
        Assert.False(Matches(origins, "http://box.internal.test"));
        Assert.False(Matches(origins, "https://partner.test"));        // a scheme-less literal never equals a browser origin
    }

    [Fact]
    public void An_environment_variable_overrides_one_element_of_the_array()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(Json("""{ "Cors": { "Origins": ["https://shop.test", "https://old.test"] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:Origins:1"] = "https://new.test" })   // Cors__Origins__1
            .Build();
        var origins = ConfiguredOrigins.Read(configuration, "Cors:Origins", []);

        Assert.Equal(["https://shop.test", "https://new.test"], origins.Entries);
        Assert.False(Matches(origins, "https://old.test"));
    }

    [Fact]
    public void Kongs_comma_separated_form_is_read_with_spaces_around_entries_ignored()
    {
        var origins = Read("""{ "Cors": { "Origins": "https://a.test, https://b.test,https://c.test" } }""");
        Assert.Equal(["https://a.test", "https://b.test", "https://c.test"], origins.Entries);
        Assert.True(Matches(origins, "https://b.test"));
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "Cors": { "Origins": [] } }""")]
    [InlineData("""{ "Cors": { "Origins": "" } }""")]
    [InlineData("""{ "Cors": { "Other": ["https://a.test"] } }""")]
    public void A_missing_or_empty_key_gives_no_entry_and_allows_nothing(string json)
    {
        var problems = new List<RuntimeOriginProblem>();
        var origins = ConfiguredOrigins.Read(new ConfigurationBuilder().AddJsonStream(Json(json)).Build(), "Cors:Origins", problems);

        Assert.Empty(origins.Entries);
        Assert.Empty(problems);
        Assert.Equal(-1, origins.WildcardIndex);
        Assert.False(Matches(origins, "https://a.test"));
    }

    [Fact]
    public void Bad_entries_are_reported_by_index_with_the_analyzers_ids_and_messages_and_left_out()
    {
        var problems = new List<RuntimeOriginProblem>();
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(Json("""{ "Cors": { "Origins": ["https://ok.test", "", "https://(a.test", "(a)\\1\\.test", "https://[a-z]+\\.lan"] } }"""))
            .Build();
        var origins = ConfiguredOrigins.Read(configuration, "Cors:Origins", problems);

        Assert.Equal(
            [
                (1, "CORS008", "Origins element 1 is an empty string"),
                (2, "CORS001", "Origin 'https://(a.test' is not a valid PCRE2 regex: missing closing parenthesis (error 114, offset 15)"),
                (3, "CORS002", @"Origin '(a)\1\.test' cannot be compiled to a matcher: it uses a backreference"),
            ],
            problems.Select(p => (p.Index, p.DiagnosticId, p.Message)));
        Assert.True(Matches(origins, "https://ok.test"));
        Assert.True(Matches(origins, "https://box.lan"));
    }

    [Fact]
    public void Matching_a_browser_origin_allocates_nothing_against_ten_thousand_entries()
    {
        var json = "{ \"Cors\": { \"Origins\": [" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"\"https://s{i}.example.com\"")) + ", \"https://[a-z]+\\\\.lan\"] } }";
        var origins = Read(json);
        var requests = new[] { "https://s4321.example.com", "https://box.lan", "https://evil.test" }
            .Select(o => (Origin: o, Normal: KongOrigin.Normalize(o)))
            .ToArray();
        bool Run()
        {
            var any = false;
            foreach (var (origin, normal) in requests)
            {
                any |= origins.Matches(origin, normal.Domain, normal.Host);
            }

            return any;
        }

        Assert.True(Run());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(Matches(origins, "https://s9999.example.com"));
        Assert.True(Matches(origins, "https://box.lan"));
        Assert.False(Matches(origins, "https://s10000.example.com"));
    }

    private static ConfiguredOrigins Read(string json)
    {
        var problems = new List<RuntimeOriginProblem>();
        var origins = ConfiguredOrigins.Read(new ConfigurationBuilder().AddJsonStream(Json(json)).Build(), "Cors:Origins", problems);
        Assert.DoesNotContain(problems, p => !p.IsWarning);
        return origins;
    }

    private static Stream Json(string json) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

    private static bool Matches(ConfiguredOrigins origins, string origin)
    {
        var normalized = KongOrigin.Normalize(origin);
        return origins.Matches(origin, normalized.Domain, normalized.Host);
    }
}

/// <summary>Issue 15: the startup failure lists every problem of a policy's configured origins, by key and index.</summary>
public sealed class ConfiguredOriginsStartupTests
{
    [Fact]
    public void Every_bad_entry_fails_startup_with_its_key_index_id_and_the_analyzers_message()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cors:Origins:0"] = "https://ok.test",
                ["Cors:Origins:1"] = "https://(a.test",
                ["Cors:Origins:2"] = "*",
                ["Cors:Origins:3"] = " ",
            })
            .Build();

        var failure = Assert.Throws<KongCorsConfigurationException>(() => ConfiguredOrigins.ReadOrFail(configuration, "Cors:Origins", "Shop.ShopCors", 1, credentials: true, out _));

        Assert.Equal(
            """
            CORS policy Shop.ShopCors cannot use the origins of configuration key 'Cors:Origins':
              Cors:Origins:1: CORS001 Origin 'https://(a.test' is not a valid PCRE2 regex: missing closing parenthesis (error 114, offset 15)
              Cors:Origins:2: CORS003 Origins entry '*' with Credentials = true lets every website read credentialed responses
              Cors:Origins:3: CORS008 Origins element 3 is an empty string
            """.ReplaceLineEndings("\n"),
            failure.Message);
        Assert.Equal(3, failure.Problems.Count);
    }

    [Fact]
    public void A_missing_key_fails_startup_only_when_the_attribute_lists_no_origin()
    {
        var empty = new ConfigurationBuilder().Build();

        var failure = Assert.Throws<KongCorsConfigurationException>(() => ConfiguredOrigins.ReadOrFail(empty, "Cors:Origins", "Shop.ShopCors", 0, credentials: false, out _));
        Assert.Contains("Cors:Origins: CORS008 the key is missing or empty and the attribute lists no origin", failure.Message, StringComparison.Ordinal);

        var origins = ConfiguredOrigins.ReadOrFail(empty, "Cors:Origins", "Shop.ShopCors", 2, credentials: false, out var warnings);
        Assert.Empty(warnings);
        Assert.Empty(origins.Entries);
    }

    [Fact]
    public async Task The_analyzers_warnings_for_configured_entries_are_returned_with_their_ids_and_messages()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cors:Origins:0"] = "https://ok.test",
                ["Cors:Origins:1"] = "https://shop.example.com/",
                ["Cors:Origins:2"] = "https://*.example.com",
                ["Cors:Origins:3"] = "https://ok.test",
                ["Cors:Origins:4"] = "http://app.example.com",
            })
            .Build();

        var origins = ConfiguredOrigins.ReadOrFail(configuration, "Cors:Origins", "Shop.ShopCors", 0, credentials: true, out var warnings);

        // The analyzer's own lint, run on the configured list: a path (CORS026), a glob (CORS020), a duplicate (CORS040),
        // plain http with credentials (CORS024); each with the analyzer's message, none a failure.
        var expected = await AnalyzerDiagnosticsAsync("https://ok.test", "https://shop.example.com/", "https://*.example.com", "https://ok.test", "http://app.example.com");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, warnings.Select(w => (w.Index, w.DiagnosticId, w.Message)).ToList());
        Assert.All(warnings, w => Assert.True(w.IsWarning));
        Assert.Equal(5, origins.Entries.Count);
    }

    /// <summary>What the analyzer reports for these entries written in an attribute with Credentials = true (index, id, message).</summary>
    private static async Task<List<(int, string, string)>> AnalyzerDiagnosticsAsync(params string[] entries)
    {
        var source = "using CorsGen;\n[KongCors(Origins = [" + string.Join(", ", entries.Select(e => "\"" + e + "\"")) + "], Credentials = true)]\ninternal static partial class ShopCors;\n";
        var diagnostics = await GeneratorRunner.AnalyzeAsync(GeneratorRunner.CreateCompilation([source]));
        return diagnostics
            .Where(d => d.Id.StartsWith("CORS", StringComparison.Ordinal))
            .Select(d => (IndexOf(source, d.Location.SourceSpan.Start), d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Item1)
            .ToList();
    }

    private static int IndexOf(string source, int position)
    {
        var start = source.IndexOf('[', source.IndexOf("Origins", StringComparison.Ordinal));
        var index = 0;
        for (var i = start; i < position; i++)
        {
            if (source[i] == ',')
            {
                index++;
            }
        }

        return index;
    }
}
