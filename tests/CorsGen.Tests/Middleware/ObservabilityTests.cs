using CorsGen.Tests.Infrastructure;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// Issue 17: the <c>corsgen.requests</c> counter (meter <c>CorsGen</c> from the application's IMeterFactory, tags policy and
/// result, never the origin) in filter mode and with <c>UseKongCors()</c>; and, in Development only unless configured, the
/// <c>CorsGen-Reason</c> header on a refused origin and one Information line per policy and origin.
/// </summary>
public sealed class ObservabilityTests(MiddlewarePoliciesFixture fixture) : IClassFixture<MiddlewarePoliciesFixture>
{
    private static readonly string LongOrigin = "https://" + new string('a', 5000) + ".test";

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    [InlineData(CorsMode.MiddlewareWithGlobalPolicy)]
    public async Task Every_request_a_policy_handles_is_counted_by_policy_and_result(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode);
        using var collector = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), KongCorsMetrics.MeterName, KongCorsMetrics.RequestsCounter);

        (await app.SendAsync("GET", "/api/items", ("Origin", "https://app.test"))).Dispose();
        (await app.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"))).Dispose();
        (await app.SendAsync("GET", "/api/items", ("Origin", LongOrigin))).Dispose();
        (await app.SendAsync("GET", "/api/items")).Dispose();
        (await app.Preflight("/api/items", "https://app.test", "GET")).Dispose();
        (await app.Preflight("/continue/x", "https://app.test", "GET")).Dispose();

        var measured = collector.GetMeasurementSnapshot()
            .Select(m => (Policy: (string)m.Tags[KongCorsMetrics.PolicyTag]!, Result: (string)m.Tags[KongCorsMetrics.ResultTag]!, m.Value))
            .ToList();
        Assert.All(collector.GetMeasurementSnapshot(), m => Assert.Equal(2, m.Tags.Count));
        Assert.Equal(
            [
                ("MiddlewarePolicies.ApiCors", KongCorsMetrics.Allowed, 1L),
                ("MiddlewarePolicies.ApiCors", KongCorsMetrics.OriginNotAllowed, 1L),
                ("MiddlewarePolicies.ApiCors", KongCorsMetrics.OriginInvalid, 1L),
                ("MiddlewarePolicies.ApiCors", KongCorsMetrics.NoOrigin, 1L),
                ("MiddlewarePolicies.ApiCors", KongCorsMetrics.Allowed, 1L),
                ("MiddlewarePolicies.ContinueCors", KongCorsMetrics.PreflightContinued, 1L),
            ],
            measured);
        Assert.Equal("{request}", collector.Instrument!.Unit);

        // The default policy counts what it handles too (a 404 with an Origin), under its own name.
        if (mode == CorsMode.MiddlewareWithGlobalPolicy)
        {
            collector.Clear();
            (await app.SendAsync("GET", "/nowhere", ("Origin", "https://any.test"))).Dispose();
            var global = Assert.Single(collector.GetMeasurementSnapshot());
            Assert.Equal("MiddlewarePolicies.GlobalCors", global.Tags[KongCorsMetrics.PolicyTag]);
            Assert.Equal(KongCorsMetrics.Allowed, global.Tags[KongCorsMetrics.ResultTag]);
        }
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task In_development_a_refused_origin_gets_the_reason_header_and_one_log_line_per_origin(CorsMode mode)
    {
        await using var app = await MiddlewareApp.StartAsync(fixture, mode, environmentName: "Development");

        for (var i = 0; i < 3; i++)
        {
            using var response = await app.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Null(response.Single("Access-Control-Allow-Origin"));
            Assert.Equal(
                "MiddlewarePolicies.ApiCors refuses origin 'https://evil.test': it matches none of its 2 origin entries; the closest, entry 0, 'https://app.test', stops matching 'https://evil.test' at character 9 ('e') (O10).",
                response.Single(ReasonHeader));
        }

        using (var preflight = await app.Preflight("/api/items", "https://evil.test", "GET"))
        {
            Assert.Equal(
                "MiddlewarePolicies.ApiCors refuses origin 'https://evil.test': it matches none of its 2 origin entries; the closest, entry 0, 'https://app.test', stops matching 'https://evil.test' at character 9 ('e') (O10).",
                preflight.Single(ReasonHeader));
        }

        using (var invalid = await app.SendAsync("GET", "/api/items", ("Origin", LongOrigin)))
        {
            Assert.Equal(
                "MiddlewarePolicies.ApiCors treats the Origin header as absent: an Origin of 5013 characters is not visible ASCII of at most 4096 characters (D4).",
                invalid.Single(ReasonHeader));
        }

        // An allowed origin and a request without one are not explained.
        using (var allowed = await app.SendAsync("GET", "/api/items", ("Origin", "https://app.test")))
        {
            Assert.Null(allowed.Single(ReasonHeader));
        }

        using (var none = await app.SendAsync("GET", "/api/items"))
        {
            Assert.Null(none.Single(ReasonHeader));
        }

        (await app.SendAsync("GET", "/api/items", ("Origin", "https://other-evil.test"))).Dispose();

        // One line per (policy, origin): evil.test (its preflight too), the long origin, other-evil.test.
        var lines = app.Logs.For("RejectionExplained").ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(LogLevel.Information, l.Level));
        Assert.Contains(lines, l => l.Message == "MiddlewarePolicies.ApiCors refuses origin 'https://evil.test': it matches none of its 2 origin entries; the closest, entry 0, 'https://app.test', stops matching 'https://evil.test' at character 9 ('e') (O10).");
        Assert.DoesNotContain(lines, l => l.Message.Contains(new string('a', 100), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CorsMode.FilterOnly)]
    [InlineData(CorsMode.Middleware)]
    public async Task Outside_development_nothing_is_explained_unless_the_app_opts_in(CorsMode mode)
    {
        await using (var production = await MiddlewareApp.StartAsync(fixture, mode, environmentName: "Production"))
        {
            using var response = await production.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));
            Assert.Null(response.Single(ReasonHeader));
            Assert.Empty(production.Logs.For("RejectionExplained"));
        }

        await using (var optedIn = await MiddlewareApp.StartAsync(
            fixture, mode, build: builder => builder.Configuration["CorsGen:ExplainRejections"] = "true", environmentName: "Production"))
        {
            using var response = await optedIn.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));
            Assert.NotNull(response.Single(ReasonHeader));
            Assert.Single(optedIn.Logs.For("RejectionExplained"));
        }

        await using var optedOut = await MiddlewareApp.StartAsync(
            fixture, mode, build: builder => builder.Configuration["CorsGen:ExplainRejections"] = "false", environmentName: "Development");
        using var quiet = await optedOut.SendAsync("GET", "/api/items", ("Origin", "https://evil.test"));
        Assert.Null(quiet.Single(ReasonHeader));
    }

    private const string ReasonHeader = "CorsGen-Reason";
}
