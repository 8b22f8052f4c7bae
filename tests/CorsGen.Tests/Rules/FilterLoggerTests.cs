using CorsGen.Tests.Infrastructure;
using CorsGen.Tests.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Rules;

/// <summary>
/// The endpoint filter finds the application's CorsGen logger once, when routing builds it, so a rejected
/// preflight logs without looking for a logger on the request (its endpoint, its services).
/// </summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class FilterLoggerTests(RulePoliciesFixture policies)
{
    [Fact]
    public async Task A_rejected_preflight_logs_with_the_logger_the_filter_was_built_with()
    {
        var logs = new CapturingLoggerProvider();
        var applicationServices = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .BuildServiceProvider();
        var filter = GeneratedFilter.Build(builder => PolicyHost.ApplyPolicy(policies.Policies, "LiteralList", builder), out _, applicationServices);

        // No endpoint and no request services: nothing on the request leads to a logger.
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Method = "OPTIONS";
        httpContext.Request.Headers.Origin = "https://evil.test";
        httpContext.Request.Headers.AccessControlRequestMethod = "GET";
        await filter(new DefaultEndpointFilterInvocationContext(httpContext));

        Assert.Equal(200, httpContext.Response.StatusCode);
        Assert.False(httpContext.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        var entry = Assert.Single(logs.For("OriginNotAllowed"));
        Assert.Contains("https://evil.test", entry.Message, StringComparison.Ordinal);
    }
}
