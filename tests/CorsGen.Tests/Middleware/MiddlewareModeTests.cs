using CorsGen.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// CORS that survives a real app (issue 5): preflights before authorization, CORS headers on 401, 404,
/// 409, 429 and 500 responses, host routing, a global policy, and the checks logged at startup; in the
/// filter-only mode, with <c>UseKongCors()</c>, and with <c>UseKongCors(GlobalCors)</c>.
/// </summary>
public sealed class MiddlewareModeTests(MiddlewarePoliciesFixture fixture) : IClassFixture<MiddlewarePoliciesFixture>
{
    private static readonly (string, string) AppOrigin = ("Origin", "https://app.test");

    [Fact]
    public async Task Middleware_answers_preflights_to_an_authorized_group_before_authorization()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.Preflight("/secure/orders", "https://app.test", "POST", ("Access-Control-Request-Headers", "content-type"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal("content-type", response.Single("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Filter_only_mode_cannot_answer_preflights_of_an_authorized_group_and_says_so_at_startup()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.FilterOnly);
        using var response = await app.Preflight("/secure/orders", "https://app.test", "POST");

        Assert.Equal(401, (int)response.StatusCode);
        var warnings = app.Logs.For("MiddlewareMissing").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains(warnings, w => w.Message.Contains("/secure/orders", StringComparison.Ordinal) && w.Message.Contains("MiddlewarePolicies.ApiCors", StringComparison.Ordinal) && w.Message.Contains("app.UseKongCors()", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly, "GET")]
    [InlineData(CorsMode.FilterOnly, "DELETE")]
    [InlineData(CorsMode.Middleware, "GET")]
    [InlineData(CorsMode.Middleware, "DELETE")]
    [InlineData(CorsMode.MiddlewareWithGlobalPolicy, "DELETE")]
    public async Task P7_a_continued_preflight_reaches_the_apps_own_options_endpoint_with_no_cors_headers(CorsMode mode, string requestedMethod)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.Preflight("/continue/x", "https://app.test", requestedMethod);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal("the app's own OPTIONS", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
        Assert.Empty(response.Values("Vary"));

        // An actual request of the same group is decorated as usual.
        using var actual = await app.SendAsync("GET", "/continue/x", AppOrigin);
        Assert.Equal("https://app.test", actual.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Middleware_mode_logs_no_missing_middleware_warning()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        Assert.Empty(app.Logs.For("MiddlewareMissing"));
    }

    [Fact]
    public async Task Middleware_decorates_the_401_of_an_unauthenticated_request()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.SendAsync("GET", "/secure/me", AppOrigin);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], response.Values("Vary"));
        Assert.Equal("X-Total", response.Single("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task Middleware_lets_authenticated_requests_through_with_headers()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var response = await app.SendAsync("GET", "/secure/me", AppOrigin, ("Authorization", "Test ok"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("me", await response.Content.ReadAsStringAsync());
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    [InlineData(CorsMode.MiddlewareWithGlobalPolicy)]
    public async Task An_exception_turned_into_500_by_the_exception_handler_keeps_the_headers(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.SendAsync("GET", "/api/throw", AppOrigin);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], response.Values("Vary"));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly, "GET", "/api/problem", 409)]
    [InlineData(CorsMode.Middleware, "GET", "/api/problem", 409)]
    [InlineData(CorsMode.FilterOnly, "POST", "/api/validate", 400)]
    [InlineData(CorsMode.Middleware, "POST", "/api/validate", 400)]
    [InlineData(CorsMode.FilterOnly, "GET", "/api/short-circuit", 429)]
    [InlineData(CorsMode.Middleware, "GET", "/api/short-circuit", 429)]
    public async Task Problem_results_and_short_circuiting_filters_keep_the_headers(CorsMode mode, string method, string path, int status)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.SendAsync(method, path, AppOrigin);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task Preflights_reach_a_RequireHost_group(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.Preflight("/hosted/x", "https://partner.test", extra: ("Host", "api.example.com"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://partner.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("GET", response.Single("Access-Control-Allow-Methods"));

        using var otherHost = await app.Preflight("/hosted/x", "https://partner.test", extra: ("Host", "other.example.com"));
        Assert.Null(otherHost.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Global_policy_decorates_the_404_of_an_unmatched_path()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.MiddlewareWithGlobalPolicy);
        using var response = await app.SendAsync("GET", "/nowhere", ("Origin", "https://anyone.test"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("*", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Global_policy_answers_preflights_to_endpoints_without_a_policy_and_unmatched_paths()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.MiddlewareWithGlobalPolicy);
        using var open = await app.Preflight("/open/x", "https://anyone.test", "GET");
        Assert.Equal(200, (int)open.StatusCode);
        Assert.Equal("*", open.Single("Access-Control-Allow-Origin"));
        Assert.Equal("60", open.Single("Access-Control-Max-Age"));

        using var unmatched = await app.Preflight("/nowhere", "https://anyone.test", "DELETE");
        Assert.Equal(200, (int)unmatched.StatusCode);
        Assert.Equal("*", unmatched.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_groups_own_policy_wins_over_the_global_policy()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.MiddlewareWithGlobalPolicy);
        using var listed = await app.SendAsync("GET", "/api/items", ("Origin", "https://anyone.test"));
        Assert.Null(listed.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", listed.Single("Access-Control-Allow-Credentials"));

        using var preflight = await app.Preflight("/api/items", "https://app.test");
        Assert.Null(preflight.Single("Access-Control-Max-Age"));
        Assert.Equal("https://app.test", preflight.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_the_middleware_a_404_has_no_cors_headers()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.FilterOnly);
        using var response = await app.SendAsync("GET", "/nowhere", ("Origin", "https://anyone.test"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task The_policy_applied_closest_to_the_endpoint_wins_and_two_policies_are_reported(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var response = await app.SendAsync("GET", "/nested/inner/x", ("Origin", "https://partner.test"));

        Assert.Equal("https://partner.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Null(response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], response.Values("Vary"));

        var errors = app.Logs.For("DuplicateCorsMechanisms").ToList();
        Assert.Contains(errors, e => e.Level == LogLevel.Error
            && e.Message.Contains("/nested/inner/x", StringComparison.Ordinal)
            && e.Message.Contains("MiddlewarePolicies.PartnerCors", StringComparison.Ordinal)
            && e.Message.Contains("MiddlewarePolicies.ApiCors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_CorsGen_policy_with_RequireCors_is_reported_at_startup()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        Assert.Contains(app.Logs.For("DuplicateCorsMechanisms"), e => e.Level == LogLevel.Error
            && e.Message.Contains("/aspnet/x", StringComparison.Ordinal)
            && e.Message.Contains("MiddlewarePolicies.PartnerCors", StringComparison.Ordinal)
            && e.Message.Contains("ASP.NET Core CORS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task The_policy_runs_once_per_request(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        app.Logs.Entries.Clear();
        using var response = await app.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));

        // Each run of the policy on a rejected origin logs OriginNotAllowed once.
        Assert.Single(app.Logs.For("OriginNotAllowed"));
        Assert.Equal(["Origin"], response.Values("Vary"));
    }

    [Fact]
    public async Task Debug_logs_say_why_an_origin_got_no_allow_origin()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        app.Logs.Entries.Clear();
        using var rejected = await app.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));
        using var invalid = await app.SendAsync("GET", "/api/items", ("Origin", "https://\u00e9vil.test"));

        var notAllowed = Assert.Single(app.Logs.For("OriginNotAllowed"));
        Assert.Equal(LogLevel.Debug, notAllowed.Level);
        Assert.Equal(1, notAllowed.Id.Id);
        Assert.Equal("CorsGen.KongCors", notAllowed.Category);
        Assert.Contains("https://evil.test", notAllowed.Message, StringComparison.Ordinal);

        var refused = Assert.Single(app.Logs.For("OriginInvalid"));
        Assert.Equal(2, refused.Id.Id);
        Assert.DoesNotContain("vil.test", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task A_rejection_is_logged_without_the_request_services(CorsMode mode)
    {
        // HttpContext.RequestServices creates the request's service scope (about 300 bytes on a request that
        // needs none), so the policy takes its logger from the endpoint's metadata. Request services that do
        // not know ILoggerFactory prove it: the rejection is logged all the same.
        await using var app = await MiddlewareApp.StartAsync(fixture, mode, (context, next) =>
        {
            context.RequestServices = new WithoutLoggerFactory(context.RequestServices);
            return next(context);
        });
        app.Logs.Entries.Clear();
        using var response = await app.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("https://evil.test", Assert.Single(app.Logs.For("OriginNotAllowed")).Message, StringComparison.Ordinal);
    }

    private sealed class WithoutLoggerFactory(IServiceProvider services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? null : services.GetService(serviceType);
    }

    [Fact]
    public async Task Two_apps_in_one_process_each_log_their_own_rejections()
    {
        // The runtime keeps the logger of the last logger factory it saw; a second application must not
        // receive the first one's log lines, however the requests interleave.
        await using var first = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        await using var second = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        first.Logs.Entries.Clear();
        second.Logs.Entries.Clear();

        for (var i = 0; i < 3; i++)
        {
            using var one = await first.SendAsync("GET", "/api/items", ("Origin", $"https://first-{i}.test"));
            using var two = await second.SendAsync("GET", "/api/items", ("Origin", $"https://second-{i}.test"));
        }

        Assert.Equal(3, first.Logs.For("OriginNotAllowed").Count());
        Assert.Equal(3, second.Logs.For("OriginNotAllowed").Count());
        Assert.All(first.Logs.For("OriginNotAllowed"), e => Assert.Contains("https://first-", e.Message, StringComparison.Ordinal));
        Assert.All(second.Logs.For("OriginNotAllowed"), e => Assert.Contains("https://second-", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Middleware_decorates_actual_requests_and_answers_preflights_of_groups_with_policies()
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, CorsMode.Middleware);
        using var actual = await app.SendAsync("GET", "/api/items", AppOrigin);
        Assert.Equal("https://app.test", actual.Single("Access-Control-Allow-Origin"));
        Assert.Equal("X-Total", actual.Single("Access-Control-Expose-Headers"));

        using var preflight = await app.Preflight("/api/items/7", "https://other.test", "PUT");
        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Equal("https://other.test", preflight.Single("Access-Control-Allow-Origin"));
        Assert.Equal("", await preflight.Content.ReadAsStringAsync());
    }
}
