using CorsGen.Tests.Infrastructure;
using CorsGen.Tests.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Rules;

/// <summary>
/// The preflight answer of the endpoint filter on a bare <see cref="DefaultHttpContext"/>: what it does
/// without the request's services or endpoint, and with headers an earlier step set.
/// </summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class PreflightAnswerTests(RulePoliciesFixture policies)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task O10_a_rejected_preflight_has_no_allow_origin_even_one_an_earlier_step_set(bool earlierHeaders)
    {
        var filter = LiteralListFilter();
        var httpContext = Preflight("https://evil.test");
        if (earlierHeaders)
        {
            httpContext.Response.Headers.AccessControlAllowOrigin = "https://evil.test";
        }

        await filter(new DefaultEndpointFilterInvocationContext(httpContext));

        Assert.False(httpContext.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.Equal("Origin", httpContext.Response.Headers.Vary);
    }

    [Fact]
    public async Task O9_an_allowed_preflight_replaces_an_allow_origin_an_earlier_step_set()
    {
        var filter = LiteralListFilter();
        var httpContext = Preflight("https://a.test");
        httpContext.Response.Headers.AccessControlAllowOrigin = "https://evil.test";

        await filter(new DefaultEndpointFilterInvocationContext(httpContext));

        Assert.Equal("https://a.test", httpContext.Response.Headers.AccessControlAllowOrigin);
    }

    /// <summary>
    /// The endpoint filter finds the application's CorsGen logger once, when routing builds it, so a rejected
    /// preflight logs without looking for a logger on the request (its endpoint, its services).
    /// </summary>
    [Fact]
    public async Task A_rejected_preflight_logs_with_the_logger_the_filter_was_built_with()
    {
        var logs = new CapturingLoggerProvider();
        var applicationServices = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .BuildServiceProvider();
        var filter = LiteralListFilter(applicationServices);

        // No endpoint and no request services: nothing on the request leads to a logger.
        var httpContext = Preflight("https://evil.test");
        await filter(new DefaultEndpointFilterInvocationContext(httpContext));

        Assert.Equal(200, httpContext.Response.StatusCode);
        Assert.False(httpContext.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        var entry = Assert.Single(logs.For("OriginNotAllowed"));
        Assert.Contains("https://evil.test", entry.Message, StringComparison.Ordinal);
    }

    private EndpointFilterDelegate LiteralListFilter(IServiceProvider? applicationServices = null) =>
        GeneratedFilter.Build(builder => PolicyHost.ApplyPolicy(policies.Policies, "LiteralList", builder), out _, applicationServices);

    private static DefaultHttpContext Preflight(string origin)
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Method = "OPTIONS";
        httpContext.Request.Headers.Origin = origin;
        httpContext.Request.Headers.AccessControlRequestMethod = "GET";
        return httpContext;
    }
}
