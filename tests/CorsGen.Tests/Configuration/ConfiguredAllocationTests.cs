using CorsGen.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Configuration;

/// <summary>
/// Issue 15: the request path of a policy whose origins come from configuration allocates nothing either, with 10,000
/// configured exact origins and regex entries of both kinds (one past the DFA state cap, matched by the NFA), whether an entry of the attribute, a configured literal, a
/// configured regex or nothing matches.
/// </summary>
public sealed class ConfiguredAllocationTests(ConfiguredOriginsFixture fixture) : IClassFixture<ConfiguredOriginsFixture>
{
    private const int Iterations = 2_000;

    public static TheoryData<string, string, string?, string?, string?> Requests => new()
    {
        { "MixedCors", "GET", "https://fixed.test", null, "https://fixed.test" },
        { "MixedCors", "GET", "https://eu.fixed.test", null, "https://eu.fixed.test" },
        { "MixedCors", "GET", "https://site4711.test", null, "https://site4711.test" },
        { "MixedCors", "OPTIONS", "https://site9999.test", "GET", "https://site9999.test" },
        { "MixedCors", "GET", "https://shop.regex.test", null, "https://shop.regex.test" },
        { "MixedCors", "GET", "http://any.host-regex.test:8080", null, "http://any.host-regex.test:8080" },
        { "MixedCors", "GET", "https://xyyyyyyyyyyyy.test", null, "https://xyyyyyyyyyyyy.test" },
        { "MixedCors", "GET", "https://xyyy.test", null, null },
        { "MixedCors", "GET", "https://evil.test", null, null },
        { "MixedCors", "OPTIONS", "https://evil.test", "GET", null },
        { "MixedCors", "GET", null, null, null },
        { "PartnerCors", "GET", "https://late.test", null, "https://late.test" },
        { "PartnerCors", "OPTIONS", "https://evil.test", "POST", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_path_allocates_nothing_with_configured_origins(string policy, string method, string? origin, string? requestMethod, string? allowOrigin)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < 10_000; i++)
        {
            settings["Cors:More:" + i] = $"https://site{i}.test";
        }

        settings["Cors:More:10000"] = @"https://[a-z]+\.regex\.test";
        settings["Cors:More:10001"] = @"[a-z]+\.host-regex\.test";
        // Past the DFA state cap (CORS011 in an attribute): matched by the pooled NFA simulation.
        settings["Cors:More:10002"] = @"(x|y)*x(x|y){12}\.test";
        settings["Cors:Origins:0"] = "https://late.test";
        settings["Cors:Origins:1"] = @"https://(a|b)?[a-z0-9]{1,20}\.late\.test";
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

        var filter = GeneratedFilter.Build(builder => PolicyHost.ApplyPolicy(fixture.App, policy, builder), out _, services);
        RequestAllocations.AssertNone(filter, services, method, origin, requestMethod, Iterations, expectAllowOrigin: new(allowOrigin));
    }
}
