extern alias runtime;

using System.Net;
using Microsoft.Extensions.Logging;
using KongCorsConfigurationException = runtime::CorsGen.Runtime.KongCorsConfigurationException;

namespace CorsGen.Tests.Configuration;

/// <summary>
/// Issue 15: policies whose origins come from configuration (OriginsFromConfiguration), on TestServer, in the three
/// modes: every kind of entry, the combined list's rules (O1, O3, O5, O10, C3), the sources a real app reads
/// (appsettings files per environment, environment variables, Kong's comma-separated form), and every bad
/// configuration as a startup failure naming the key, the entry and the analyzer's message.
/// </summary>
public sealed class ConfiguredOriginsTests(ConfiguredOriginsFixture fixture) : IClassFixture<ConfiguredOriginsFixture>
{
    public static TheoryData<string> Modes => new() { "filter", "middleware", "global" };

    /// <summary>A valid configuration for every policy of the app; each test changes what it is about.</summary>
    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cors:Origins:0"] = "https://partner.test",
            ["Cors:Origins:1"] = @"partner-host\.test",
            ["Cors:Origins:2"] = @"https://[a-z]+\.partner\.test",
            ["Cors:Origins:3"] = @"^[a-z]+\.host-regex\.test",
            ["Cors:Credentialed:0"] = "https://app.test",
            ["Cors:Credentialed:1"] = "https://admin.app.test",
            ["Cors:Global"] = "https://global.test, https://global2.test",
        };
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private static string? AllowOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;

    private static string Vary(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Vary", out var values) ? string.Join(",", values) : "";

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Every_kind_of_configured_entry_is_matched_as_Kong_matches_it(string mode)
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(), mode);

        // O8: exact; O7: host-only, any scheme and port; O6: a regex with ':' against the origin, without against the host.
        foreach (var allowed in new[] { "https://partner.test", "https://partner.test:443", "http://partner-host.test:8080", "https://shop.partner.test", "http://eu.host-regex.test" })
        {
            var response = await app.SendAsync("GET", "/partner/items", ("Origin", allowed));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(allowed.Replace(":443", ""), AllowOrigin(response));
            Assert.Contains("Origin", Vary(response));

            var preflight = await app.PreflightAsync("/partner/items", allowed);
            Assert.Equal(HttpStatusCode.OK, preflight.StatusCode);
            Assert.Equal(allowed.Replace(":443", ""), AllowOrigin(preflight));
            Assert.Equal("GET,POST", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
            Assert.Equal("Origin", preflight.Headers.GetValues("Vary").Single());

            if (mode != "filter")
            {
                // R4: a preflight for a method the path does not map, answered by the path endpoint with the application's
                // configured origins.
                var unmapped = await app.PreflightAsync("/partner/items", allowed, "DELETE");
                Assert.Equal(HttpStatusCode.OK, unmapped.StatusCode);
                Assert.Equal(allowed.Replace(":443", ""), AllowOrigin(unmapped));
            }
        }

        // O10: nothing matched; an anchored regex is not a substring search.
        foreach (var refused in new[] { "https://evil.test", "http://partner.test", "https://shop.partner.test.evil.test", "https://SHOP.partner.test", "https://partner-host.test.evil" })
        {
            var response = await app.SendAsync("GET", "/partner/items", ("Origin", refused));
            Assert.Null(AllowOrigin(response));
            Assert.Contains("Origin", Vary(response));
            var preflight = await app.PreflightAsync("/partner/items", refused);
            Assert.Equal(HttpStatusCode.OK, preflight.StatusCode);
            Assert.Null(AllowOrigin(preflight));
        }
    }

    [Fact]
    public async Task A_policy_attribute_on_a_handler_and_a_configured_default_policy_read_the_applications_origins()
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(), "global");

        var attribute = await app.PreflightAsync("/attribute/items", "https://shop.partner.test");
        Assert.Equal("https://shop.partner.test", AllowOrigin(attribute));
        Assert.Null(AllowOrigin(await app.PreflightAsync("/attribute/items", "https://global.test")));

        // UseKongCors(GlobalCors.Policy): an endpoint without a policy, and a 404.
        var none = await app.SendAsync("GET", "/none", ("Origin", "https://global.test"));
        Assert.Equal("https://global.test", AllowOrigin(none));
        var missing = await app.PreflightAsync("/no-such-path", "https://global.test");
        Assert.Equal("https://global.test", AllowOrigin(missing));
        Assert.Equal("60", missing.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.Null(AllowOrigin(await app.SendAsync("GET", "/none", ("Origin", "https://partner.test"))));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_attributes_entries_come_first_and_configured_ones_follow_in_order(string mode)
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(
            fixture, Settings(("Cors:More:0", "https://late.test"), ("Cors:More:1", @"late-host\.test")), mode);

        Assert.Equal("https://fixed.test", AllowOrigin(await app.SendAsync("GET", "/mixed/items", ("Origin", "https://fixed.test"))));
        Assert.Equal("https://eu.fixed.test", AllowOrigin(await app.SendAsync("GET", "/mixed/items", ("Origin", "https://eu.fixed.test"))));
        var late = await app.SendAsync("GET", "/mixed/items", ("Origin", "https://late.test"));
        Assert.Equal("https://late.test", AllowOrigin(late));
        Assert.Equal("X-Total", late.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.Equal("http://late-host.test", AllowOrigin(await app.SendAsync("GET", "/mixed/items", ("Origin", "http://late-host.test"))));
        Assert.Null(AllowOrigin(await app.SendAsync("GET", "/mixed/items", ("Origin", "https://partner.test"))));

        // O10 through Evaluate of the application's instance: which entry of the combined list decided.
        var policy = PolicyFor("MixedCors", app.Services);
        Assert.Equal(0, policy.Evaluate("GET", "https://fixed.test", null, null, false).MatchedEntry);
        Assert.Equal(1, policy.Evaluate("GET", "https://eu.fixed.test", null, null, false).MatchedEntry);
        var decision = policy.Evaluate("GET", "http://late-host.test", null, null, false);
        Assert.Equal(3, decision.MatchedEntry);
        Assert.Equal(@"late-host\.test", decision.MatchedEntryText);
        Assert.Equal(4, decision.EntryCount);
        Assert.False(policy.Evaluate("GET", "https://partner.test", null, null, false).OriginAllowed);
    }

    [Fact]
    public async Task GetAllowOrigin_without_services_knows_the_attributes_entries_and_with_them_the_applications()
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(("Cors:More", "https://late.test")));
        var mixed = fixture.Policy("MixedCors");
        var withoutServices = mixed.GetMethod("GetAllowOrigin", [typeof(string)])!;
        var withServices = mixed.GetMethod("GetAllowOrigin", [typeof(string), typeof(IServiceProvider)])!;

        Assert.Equal("https://fixed.test", withoutServices.Invoke(null, ["https://fixed.test"]));
        Assert.Null(withoutServices.Invoke(null, ["https://late.test"]));
        Assert.Equal("https://late.test", withServices.Invoke(null, ["https://late.test", app.Services]));
        Assert.Equal("https://fixed.test", withServices.Invoke(null, ["https://fixed.test", app.Services]));

        // A policy with no origin of its own answers nothing without an application: never Kong's allow-all (O1).
        var partner = fixture.Policy("PartnerCors").GetMethod("GetAllowOrigin", [typeof(string)])!;
        Assert.Null(partner.Invoke(null, ["https://partner.test"]));
    }

    [Fact]
    public async Task The_combined_list_follows_O1_O3_and_O5()
    {
        // O1: ["*"] and nothing configured: '*' without Vary, even without an Origin.
        await using (var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings()))
        {
            var response = await app.SendAsync("GET", "/star/items");
            Assert.Equal("*", AllowOrigin(response));
            Assert.DoesNotContain("Origin", Vary(response));
        }

        // O5: ["*", configured...]: '*' to a request with an Origin, with Vary; none without.
        await using (var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(("Cors:AfterStar", "https://a.test"))))
        {
            var response = await app.SendAsync("GET", "/star/items", ("Origin", "https://b.test"));
            Assert.Equal("*", AllowOrigin(response));
            Assert.Contains("Origin", Vary(response));
            Assert.Null(AllowOrigin(await app.SendAsync("GET", "/star/items")));
        }

        // O3: one configured literal is sent as it is, whatever the Origin; O5 from configuration.
        await using (var app = await ConfiguredOriginsApp.StartAsync(
            fixture, Settings(("Cors:Origins:1", null), ("Cors:Origins:2", null), ("Cors:Origins:3", null), ("Cors:Origins:0", "https://only.test"))))
        {
            Assert.Equal("https://only.test", AllowOrigin(await app.SendAsync("GET", "/partner/items", ("Origin", "https://other.test"))));
        }

        await using (var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(("Cors:Origins:4", "*"))))
        {
            Assert.Equal("*", AllowOrigin(await app.SendAsync("GET", "/partner/items", ("Origin", "https://any.test"))));
        }
    }

    [Fact]
    public async Task Credentials_are_sent_with_configured_origins()
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(fixture, Settings(), "filter");
        var response = await app.SendAsync("GET", "/credentialed/items", ("Origin", "https://admin.app.test"));
        Assert.Equal("https://admin.app.test", AllowOrigin(response));
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());

        // C2: on every response of a listed policy, matched or not.
        var refused = await app.SendAsync("GET", "/credentialed/items", ("Origin", "https://evil.test"));
        Assert.Null(AllowOrigin(refused));
        Assert.Equal("true", refused.Headers.GetValues("Access-Control-Allow-Credentials").Single());
    }

    [Fact]
    public async Task The_comma_separated_form_and_an_environment_variable_override_work()
    {
        var prefix = "CORSGENTEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Cors__Global", "https://from-env.test, https://second.test");
        try
        {
            await using var app = await ConfiguredOriginsApp.StartAsync(
                fixture,
                Settings(),
                "global",
                builder => Microsoft.Extensions.Configuration.EnvironmentVariablesExtensions.AddEnvironmentVariables(builder.Configuration, prefix));
            Assert.Equal("https://second.test", AllowOrigin(await app.SendAsync("GET", "/none", ("Origin", "https://second.test"))));
            Assert.Equal("https://from-env.test", AllowOrigin(await app.SendAsync("GET", "/none", ("Origin", "https://from-env.test"))));
            Assert.Null(AllowOrigin(await app.SendAsync("GET", "/none", ("Origin", "https://global.test"))));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Cors__Global", null);
        }
    }

    [Fact]
    public async Task Appsettings_of_the_environment_are_read_as_the_host_reads_them()
    {
        var root = Directory.CreateTempSubdirectory("corsgen-appsettings").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "appsettings.json"), """
                {
                  "Cors": {
                    "Origins": [ "https://shop.example.com", "https://partner.example.com" ],
                    "Credentialed": "https://app.example.com",
                    "Global": [ "https://global.example.com", "https://global2.example.com" ]
                  }
                }
                """);
            File.WriteAllText(Path.Combine(root, "appsettings.Development.json"), """
                { "Cors": { "Origins": [ "http://localhost:5173", "https://partner.example.com" ] } }
                """);

            await using (var production = await ConfiguredOriginsApp.StartAsync(fixture, null, contentRoot: root))
            {
                Assert.Equal("https://shop.example.com", AllowOrigin(await production.SendAsync("GET", "/partner/items", ("Origin", "https://shop.example.com"))));
                Assert.Null(AllowOrigin(await production.SendAsync("GET", "/partner/items", ("Origin", "http://localhost:5173"))));
            }

            await using (var development = await ConfiguredOriginsApp.StartAsync(fixture, null, environmentName: "Development", contentRoot: root))
            {
                Assert.Equal("http://localhost:5173", AllowOrigin(await development.SendAsync("GET", "/partner/items", ("Origin", "http://localhost:5173"))));
                Assert.Null(AllowOrigin(await development.SendAsync("GET", "/partner/items", ("Origin", "https://shop.example.com"))));
                Assert.Equal("https://partner.example.com", AllowOrigin(await development.SendAsync("GET", "/partner/items", ("Origin", "https://partner.example.com"))));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Two_applications_in_one_process_each_answer_with_their_own_configuration()
    {
        await using var first = await ConfiguredOriginsApp.StartAsync(fixture, Settings(("Cors:Global", "https://first.test,https://x.test")), "global");
        await using var second = await ConfiguredOriginsApp.StartAsync(fixture, Settings(("Cors:Global", "https://second.test,https://x.test")), "global");
        Assert.Equal("https://first.test", AllowOrigin(await first.SendAsync("GET", "/none", ("Origin", "https://first.test"))));
        Assert.Null(AllowOrigin(await first.SendAsync("GET", "/none", ("Origin", "https://second.test"))));
        Assert.Equal("https://second.test", AllowOrigin(await second.SendAsync("GET", "/none", ("Origin", "https://second.test"))));
        Assert.Null(AllowOrigin(await second.SendAsync("GET", "/none", ("Origin", "https://first.test"))));
    }

    public static TheoryData<string, string, string?, string> BadConfigurations => new()
    {
        // mode, key, value, the expected line of the message
        { "middleware", "Cors:Origins:2", "https://(a.test", "Cors:Origins:2: CORS001 Origin 'https://(a.test' is not a valid PCRE2 regex: missing closing parenthesis (error 114, offset 15)" },
        { "filter", "Cors:Origins:2", @"(a)\1\.test", @"Cors:Origins:2: CORS002 Origin '(a)\1\.test' cannot be compiled to a matcher: it uses a backreference" },
        { "global", "Cors:Credentialed:1", "*", "Cors:Credentialed:1: CORS003 Origins entry '*' with Credentials = true lets every website read credentialed responses" },
        { "filter", "Cors:Credentialed:1", "*", "Cors:Credentialed:1: CORS003 Origins entry '*' with Credentials = true lets every website read credentialed responses" },
        { "middleware", "Cors:Origins:1", "", "Cors:Origins:1: CORS008 Origins element 1 is an empty string" },
        { "global", "Cors:Global", null, "Cors:Global: CORS008 the key is missing or empty" },
        { "filter", "Cors:Origins:0", null, "" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Every_bad_configuration_stops_the_application_with_the_key_the_entry_and_the_analyzers_message(string mode, string key, string? value, string expected)
    {
        var changes = value is null && key == "Cors:Origins:0"
            ? new (string, string?)[] { ("Cors:Origins:0", null), ("Cors:Origins:1", null), ("Cors:Origins:2", null), ("Cors:Origins:3", null) }
            : [(key, value)];
        if (key == "Cors:Origins:0")
        {
            expected = "Cors:Origins: CORS008 the key is missing or empty";
        }

        var failure = await Assert.ThrowsAsync<KongCorsConfigurationException>(() => ConfiguredOriginsApp.StartAsync(fixture, Settings(changes), mode));
        Assert.Contains(expected, failure.Message);
        Assert.StartsWith("CORS policy ConfiguredApp.", failure.Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_analyzers_warnings_for_configured_entries_are_logged_once_at_startup_with_their_ids(string mode)
    {
        var logs = new Middleware.CapturingLoggerProvider();
        await using var app = await ConfiguredOriginsApp.StartAsync(
            fixture,
            Settings(("Cors:Global", "https://global.test,https://*.example.com"), ("Cors:Origins:4", "https://partner.test/")),
            mode,
            builder => builder.Logging.AddProvider(logs));
        for (var i = 0; i < 3; i++)
        {
            await app.PreflightAsync("/partner/items", "https://partner.test");
            await app.SendAsync("GET", "/none", ("Origin", "https://global.test"));
        }

        var warnings = logs.For("ConfiguredOriginWarning").Select(e => e.Message).ToList();
        // The analyzer's own lint on each configured list: a repeated entry (CORS042), a glob (CORS020) whose '.' matches
        // any char (CORS021); GlobalCors is read only where UseKongCors(GlobalCors) uses it.
        var expected = new List<string>
        {
            "CORS policy ConfiguredApp.PartnerCors: configuration entry Cors:Origins:4: CORS042 Origins entry 'https://partner.test/' repeats entry 0 once normalized (https://partner.test)",
        };
        if (mode == "global")
        {
            expected.Add("CORS policy ConfiguredApp.GlobalCors: configuration entry Cors:Global:1: CORS020 Origin 'https://*.example.com' looks like a glob, but Kong reads it as a regex");
            expected.Add("CORS policy ConfiguredApp.GlobalCors: configuration entry Cors:Global:1: CORS021 The '.' in origin regex 'https://*.example.com' matches any character, so it allows 'https:/.examplexcom'");
        }

        Assert.Equal(expected.Order(), warnings.Order());
        Assert.All(logs.For("ConfiguredOriginWarning"), e => Assert.Equal(LogLevel.Warning, e.Level));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_rejection_is_explained_with_the_combined_list(string mode)
    {
        await using var app = await ConfiguredOriginsApp.StartAsync(
            fixture, Settings(("Cors:More:0", "https://late.test"), ("CorsGen:ExplainRejections", "true")), mode);

        var refused = await app.SendAsync("GET", "/mixed/items", ("Origin", "https://nope.test"));
        var reason = Assert.Single(refused.Headers.GetValues("CorsGen-Reason"));
        Assert.Contains("ConfiguredApp.MixedCors", reason);
        Assert.Contains("https://nope.test", reason);
        Assert.True(reason.Contains("none of its 3 origin entries", StringComparison.Ordinal), reason);

        var allowed = await app.SendAsync("GET", "/mixed/items", ("Origin", "https://late.test"));
        Assert.False(allowed.Headers.Contains("CorsGen-Reason"));
    }

    [Fact]
    public async Task Every_problem_of_a_key_is_listed_at_once()
    {
        var failure = await Assert.ThrowsAsync<KongCorsConfigurationException>(() => ConfiguredOriginsApp.StartAsync(
            fixture, Settings(("Cors:Origins:1", ""), ("Cors:Origins:2", "https://(a.test"))));
        Assert.Equal("ConfiguredApp.PartnerCors", failure.PolicyName);
        Assert.Equal("Cors:Origins", failure.Key);
        Assert.Equal([1, 2], failure.Problems.Select(p => p.Index));
    }

    /// <summary>The application's own instance of a policy (<c>X.Policy.ForApplication(app.Services)</c>).</summary>
    private runtime::CorsGen.KongCorsPolicy PolicyFor(string policyClass, IServiceProvider services) =>
        ((runtime::CorsGen.KongCorsPolicy)fixture.Policy(policyClass).GetProperty("Policy")!.GetValue(null)!).ForApplication(services);
}
