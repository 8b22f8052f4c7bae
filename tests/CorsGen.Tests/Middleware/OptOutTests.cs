using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.TestHost;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// ASP.NET Core's <c>[DisableCors]</c> (or its metadata) is the opt-out from a CorsGen policy or the default policy,
/// closest wins as in ASP.NET Core: no CORS headers, preflights get what the app answers, and never a 500.
/// </summary>
public sealed class OptOutTests(MiddlewarePoliciesFixture fixture) : IClassFixture<MiddlewarePoliciesFixture>
{
    private static readonly (string, string) AppOrigin = ("Origin", "https://app.test");

    [Theory]
    [InlineData(CorsMode.Middleware)]
    [InlineData(CorsMode.MiddlewareWithGlobalPolicy)]
    public async Task DisableCors_on_an_endpoint_of_a_governed_group_gets_no_cors_headers_and_no_500(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.SendAsync("GET", "/api/private", AppOrigin);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("private", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
        Assert.Empty(response.Values("Vary"));

        // Its preflight gets what ASP.NET Core's own CORS middleware gives a [DisableCors] endpoint: 204, no CORS headers,
        // and the handler does not run.
        using var preflight = await app.Preflight("/api/private", "https://app.test", "GET");
        Assert.Equal(204, (int)preflight.StatusCode);
        Assert.Equal("", await preflight.Content.ReadAsStringAsync());
        Assert.Null(preflight.Single("Access-Control-Allow-Origin"));

        // The rest of the group keeps its policy.
        using var items = await app.SendAsync("GET", "/api/items", AppOrigin);
        Assert.Equal("https://app.test", items.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DisableCors_opts_an_endpoint_out_of_the_default_policy_without_a_500()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.MiddlewareWithGlobalPolicy);
        using var response = await app.SendAsync("GET", "/open/private", AppOrigin);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));

        using var governed = await app.SendAsync("GET", "/open/x", AppOrigin);
        Assert.Equal("*", governed.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DisableCors_in_filter_mode_without_aspnetcore_cors_services_gets_no_cors_headers_and_no_500()
    {
        var builder = MiddlewareApp.CreateBuilder(new CapturingLoggerProvider());
        await using var app = builder.Build();
        var api = app.MapGroup("/api");
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", api);
        api.MapGet("/items", () => "items");
        api.MapGet("/private", [DisableCors] () => "private");
        await app.StartAsync();
        var client = app.GetTestClient();

        using var response = await client.SendWithOriginAsync(HttpMethod.Get, "/api/private", "https://app.test");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));

        // No CORS middleware can answer its preflight: routing does not send it to the handler.
        using var preflight = await client.SendWithOriginAsync(HttpMethod.Options, "/api/private", "https://app.test", ("Access-Control-Request-Method", "GET"));
        Assert.Equal(405, (int)preflight.StatusCode);
        Assert.Null(preflight.Single("Access-Control-Allow-Origin"));

        using var items = await client.SendWithOriginAsync(HttpMethod.Get, "/api/items", "https://app.test");
        Assert.Equal("https://app.test", items.Single("Access-Control-Allow-Origin"));
    }
}
