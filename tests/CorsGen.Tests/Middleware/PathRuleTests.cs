using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// R4: a policy governs a path, not a method. With <c>UseKongCors()</c>, a preflight to a governed path is answered
/// by its policy whatever method it asks for, and a 405 there carries the policy's headers; filter mode says at
/// startup that it cannot do this.
/// </summary>
public sealed class PathRuleTests(MiddlewarePoliciesFixture fixture) : IClassFixture<MiddlewarePoliciesFixture>
{
    private static readonly (string, string) AppOrigin = ("Origin", "https://app.test");

    [Theory]
    [InlineData(CorsMode.Middleware)]
    [InlineData(CorsMode.MiddlewareWithGlobalPolicy)]
    public async Task R4_a_preflight_for_a_method_the_group_does_not_map_is_answered_by_its_policy(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.Preflight("/api/items", "https://app.test", "DELETE", ("Access-Control-Request-Headers", "x-trace"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("x-trace", response.Single("Access-Control-Allow-Headers"));
        Assert.Equal(["Origin"], response.Values("Vary"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task R4_a_preflight_for_an_unmapped_method_on_a_single_endpoint_is_answered()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.Preflight("/single/x", "https://partner.test", "PUT");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://partner.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("GET", response.Single("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task R4_a_preflight_for_an_unmapped_method_is_answered_before_authorization()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.Preflight("/secure/orders", "https://app.test", "DELETE");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task R4_a_405_of_a_governed_path_carries_the_actual_response_headers()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.SendAsync("DELETE", "/api/items", AppOrigin);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal("X-Total", response.Single("Access-Control-Expose-Headers"));
        Assert.Equal(["Origin"], response.Values("Vary"));
        Assert.Null(response.Single("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task R4_the_405_lists_every_method_the_pattern_maps_and_mapped_methods_still_reach_their_endpoints()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var put = await app.SendAsync("PUT", "/api/items/7", AppOrigin);
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal("7", await put.Content.ReadAsStringAsync());

        using var delete = await app.SendAsync("DELETE", "/tie/x", AppOrigin);
        Assert.Equal(405, (int)delete.StatusCode);
        Assert.Equal(["GET", "POST"], delete.Content.Headers.Allow);
    }

    [Fact]
    public async Task R4_a_route_constraint_still_decides_whether_the_path_matches()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var matches = await app.Preflight("/api/items/7", "https://app.test", "DELETE");
        Assert.Equal(200, (int)matches.StatusCode);
        Assert.Equal("https://app.test", matches.Single("Access-Control-Allow-Origin"));

        using var fails = await app.Preflight("/api/items/seven", "https://app.test", "DELETE");
        Assert.Equal(404, (int)fails.StatusCode);
        Assert.Null(fails.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task R4_a_host_bound_group_answers_unmapped_methods_on_its_host_only()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var onHost = await app.SendAsync("OPTIONS", "/hosted/x", ("Host", "api.example.com"), ("Origin", "https://partner.test"), ("Access-Control-Request-Method", "DELETE"));
        Assert.Equal(200, (int)onHost.StatusCode);
        Assert.Equal("https://partner.test", onHost.Single("Access-Control-Allow-Origin"));

        using var elsewhere = await app.SendAsync("OPTIONS", "/hosted/x", ("Host", "other.example.com"), ("Origin", "https://partner.test"), ("Access-Control-Request-Method", "DELETE"));
        Assert.Equal(404, (int)elsewhere.StatusCode);
    }

    [Fact]
    public async Task R4_the_most_specific_pattern_decides_between_two_policies()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);

        // /overlap/special (ApiCors) is more specific than /overlap/{name} (PartnerCors), as for routing's own choice.
        using var special = await app.Preflight("/overlap/special", "https://app.test", "DELETE");
        Assert.Equal("https://app.test", special.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", special.Single("Access-Control-Allow-Credentials"));

        using var other = await app.Preflight("/overlap/anything", "https://partner.test", "DELETE");
        Assert.Equal("https://partner.test", other.Single("Access-Control-Allow-Origin"));
        Assert.Equal("GET", other.Single("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task R4_two_policies_on_one_pattern_are_logged_at_startup_and_the_first_answers()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.Preflight("/tie/x", "https://app.test", "DELETE");

        // ApiCors is applied to GET /tie/x, mapped first.
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        var tie = Assert.Single(app.Logs.For("PathPolicyTie"));
        Assert.Equal(LogLevel.Warning, tie.Level);
        Assert.Contains("/tie/x", tie.Message, StringComparison.Ordinal);
        Assert.Contains("MiddlewarePolicies.ApiCors", tie.Message, StringComparison.Ordinal);
        Assert.Contains("MiddlewarePolicies.PartnerCors", tie.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R4_filter_mode_gives_routings_404_and_says_once_at_startup_that_UseKongCors_is_needed()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.FilterOnly);
        using var response = await app.Preflight("/api/items", "https://app.test", "DELETE");

        Assert.Equal(404, (int)response.StatusCode);
        var warning = Assert.Single(app.Logs.For("PathPreflightsNeedMiddleware"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("app.UseKongCors()", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R4_middleware_mode_logs_no_path_warning()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        Assert.Empty(app.Logs.For("PathPreflightsNeedMiddleware"));
    }

    [Fact]
    public async Task R4_follows_an_endpoint_source_that_changes_at_run_time()
    {
        var source = new ChangingEndpointSource();
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware, configure: routes => routes.DataSources.Add(source));
        using var before = await app.Preflight("/late/items", "https://app.test", "DELETE");
        Assert.Equal(404, (int)before.StatusCode);

        // A governed endpoint arrives later (as a dynamic source adds one): the path endpoints follow.
        var endpoint = new RouteEndpointBuilder(context => context.Response.WriteAsync("late"), RoutePatternFactory.Parse("/late/items"), 0);
        endpoint.Metadata.Add(new HttpMethodMetadata(["GET"]));
        endpoint.Metadata.Add(fixture.Policy("ApiCors"));
        source.Add(endpoint.Build());

        using var after = await app.Preflight("/late/items", "https://app.test", "DELETE");
        Assert.Equal(200, (int)after.StatusCode);
        Assert.Equal("https://app.test", after.Single("Access-Control-Allow-Origin"));
    }

    /// <summary>An endpoint source whose endpoints change after startup, with a change token that says so.</summary>
    private sealed class ChangingEndpointSource : EndpointDataSource
    {
        private List<Endpoint> _endpoints = [];
        private CancellationTokenSource _changed = new();

        public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

        public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

        public void Add(Endpoint endpoint)
        {
            _endpoints = [.. _endpoints, endpoint];
            var changed = _changed;
            _changed = new CancellationTokenSource();
            changed.Cancel();
        }
    }
}
