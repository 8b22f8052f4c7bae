using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Rules;

/// <summary>
/// The request path allocates nothing: the generated filter and its OnStarting callback run on a
/// reused <see cref="DefaultHttpContext"/> and the bytes allocated on this thread are counted
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) over many warmed calls.
/// </summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class AllocationTests(RulePoliciesFixture policies)
{
    private const int Iterations = 2_000;

    public static TheoryData<string, string, string?, string?> Requests => new()
    {
        { "LiteralList", "OPTIONS", "https://a.test", "GET" },
        { "LiteralList", "OPTIONS", "https://evil.test", "GET" },
        { "LiteralList", "GET", "https://a.test", null },
        { "LiteralList", "GET", "http://c.test:80", null },
        { "LiteralList", "GET", "https://evil.test", null },
        { "LiteralList", "GET", null, null },
        { "AllowAll", "OPTIONS", "https://a.test", "PUT" },
        { "AllowAll", "GET", "https://a.test", null },
        { "SingleLiteral", "GET", "https://a.test", null },
        { "PreflightSettings", "OPTIONS", "https://b.test", "POST" },
        { "ListWildcardWithCredentials", "GET", "https://anyone.test", null },
        { "OriginRequired", "GET", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_path_allocates_nothing(string policy, string method, string? origin, string? requestMethod) =>
        _ = AssertNoAllocation(policy, method, origin, requestMethod, services: null);

    [Theory]
    [InlineData("https://evil.test")]
    [InlineData("https://\u00e9vil.test")]
    public void Rejections_allocate_nothing_when_debug_logging_is_off(string origin)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new Middleware.CapturingLoggerProvider()).SetMinimumLevel(LogLevel.Information))
            .BuildServiceProvider();
        AssertNoAllocation("LiteralList", "GET", origin, null, services);
        AssertNoAllocation("LiteralList", "OPTIONS", origin, "GET", services);
    }

    /// <summary>
    /// Issue 17: with the application's IMeterFactory (so the filter holds the corsgen.requests counter), nothing is
    /// allocated when nobody listens, nor when a listener takes every measurement (it is counted, so the test cannot pass
    /// by measuring nothing).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Request_path_allocates_nothing_with_metrics_with_or_without_a_listener(bool listening)
    {
        var services = new ServiceCollection()
            .AddMetrics()
            .AddLogging(logging => logging.AddProvider(new Middleware.CapturingLoggerProvider()).SetMinimumLevel(LogLevel.Information))
            .BuildServiceProvider();
        var measurements = new long[1];
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        if (listening)
        {
            // Only this application's counter: other tests' applications publish CorsGen meters in this process too.
            var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            listener.InstrumentPublished = (instrument, self) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == KongCorsMetrics.MeterName && instrument.Name == KongCorsMetrics.RequestsCounter)
                {
                    self.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => measurements[0] += value);
            listener.Start();
        }

        var requests = 0;
        foreach (var (policy, method, origin, requestMethod) in new (string, string, string?, string?)[]
        {
            ("LiteralList", "GET", "https://a.test", null),
            ("LiteralList", "GET", "https://evil.test", null),
            ("LiteralList", "OPTIONS", "https://evil.test", "GET"),
            ("LiteralList", "GET", null, null),
            ("Continue", "OPTIONS", "https://a.test", "GET"),
        })
        {
            requests += AssertNoAllocation(policy, method, origin, requestMethod, services, applicationServices: true);
        }

        Assert.Equal(listening ? requests : 0, measurements[0]);
        Assert.True(requests >= 5 * (200 + Iterations));
    }

    /// <returns>How many requests ran.</returns>
    private int AssertNoAllocation(string policy, string method, string? origin, string? requestMethod, IServiceProvider? services, bool applicationServices = false) =>
        RequestAllocations.AssertNone(
            BuildFilter(policy, out _, applicationServices ? services : null), services, method, origin, requestMethod, Iterations, expectHeaders: policy is not ("OriginRequired" or "Continue"));

    [Fact]
    public void GetAllowOrigin_allocates_nothing_for_browser_origins()
    {
        var getAllowOrigin = policies.Policies.GetType("RulePolicies.LiteralList")!.GetMethod("GetAllowOrigin")!.CreateDelegate<Func<string?, string?>>();
        string[] origins = ["https://a.test", "http://b.test:8080", "http://c.test:80", "https://evil.test", "d.test", "null"];
        foreach (var origin in origins)
        {
            getAllowOrigin(origin);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            foreach (var origin in origins)
            {
                getAllowOrigin(origin);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void With_policy_routes_preflights_to_method_restricted_endpoints_through_a_finally_convention()
    {
        BuildFilter("LiteralList", out var endpoint);
        Assert.True(endpoint.Metadata.OfType<HttpMethodMetadata>().Last().AcceptCorsPreflight);
        Assert.Contains(endpoint.Metadata, m => m.GetType().BaseType?.FullName == "CorsGen.KongCorsPolicy" && m.ToString() == "[KongCors] RulePolicies.LiteralList");
    }

    [Fact]
    public void Preflight_continue_leaves_method_metadata_alone()
    {
        BuildFilter("Continue", out var endpoint);
        Assert.False(endpoint.Metadata.OfType<HttpMethodMetadata>().Last().AcceptCorsPreflight);
    }

    /// <summary>Applies the generated With...() to an endpoint built by hand and composes its filter pipeline.</summary>
    private EndpointFilterDelegate BuildFilter(string policy, out RouteEndpointBuilder endpoint, IServiceProvider? applicationServices = null) =>
        GeneratedFilter.Build(builder => PolicyHost.ApplyPolicy(policies.Policies, policy, builder), out endpoint, applicationServices);
}
