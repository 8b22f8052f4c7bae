using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Benchmarks.Policies;
using CorsGen.Runtime;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsGen.Benchmarks;

/// <summary>
/// Issue 15, the request path: the same origin list compiled into the policy at build time and read from configuration
/// at startup (OriginsFromConfiguration), through each policy's generated filter, on a fresh request per call as in
/// <see cref="PolicyBenchmarks"/>. Exact lists are a frozen lookup when configured and a binary search when compiled;
/// regex lists one automaton either way.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Batch)]
public class ConfiguredOriginsBenchmarks
{
    private const int Batch = 65536;

    private EndpointFilterDelegate _compiled = null!;
    private EndpointFilterDelegate _configured = null!;
    private BenchmarkPolicy _policy = null!;
    private BenchmarkRequest[] _requests = [];
    private int _next;

    [Params("Exact1000", "Exact10000", "Regex100")]
    public string Policy { get; set; } = "Exact1000";

    [Params(RequestCase.PreflightAllowed, RequestCase.ActualAllowed, RequestCase.ActualRejected)]
    public RequestCase Case { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _policy = BenchmarkPolicy.Get(Policy);
        _compiled = GeneratedFilter.Build(_policy.With, out _, BenchmarkRequest.Services);

        // The application's services: its configuration holds the same list under Cors:<policy>.
        var origins = Policy switch
        {
            "Exact1000" => BenchmarkOrigins.Exact1000,
            "Exact10000" => BenchmarkOrigins.Exact10000,
            _ => BenchmarkOrigins.Regex100,
        };
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < origins.Length; i++)
        {
            settings[$"Cors:{Policy}:{i}"] = origins[i];
        }

        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        Action<IEndpointConventionBuilder> with = Policy switch
        {
            "Exact1000" => b => b.WithConfiguredExact1000Cors(),
            "Exact10000" => b => b.WithConfiguredExact10000Cors(),
            _ => b => b.WithConfiguredRegex100Cors(),
        };
        _configured = GeneratedFilter.Build(with, out _, services);
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _requests = BenchmarkRequest.CreateBatch(Case, _policy.AllowedOrigin, Batch);

        _next = 0;
    }

    [Benchmark(Baseline = true, Description = "Compiled")]
    public void Compiled()
    {
        var request = _requests[_next++];
        _compiled(request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
    }

    [Benchmark(Description = "Configured")]
    public void Configured()
    {
        var request = _requests[_next++];
        _configured(request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
    }
}

/// <summary>
/// Issue 15, the startup cost: reading, checking (the analyzer's rules, lint included) and compiling N configured regex
/// entries, as <c>Metadata.For</c> does once per application.
/// </summary>
[MemoryDiagnoser]
public class ConfiguredOriginsStartupBenchmarks
{
    private IConfiguration _configuration = null!;

    [Params(1, 100, 1000)]
    public int Regexes { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Regexes; i++)
        {
            // Distinct tenants of realistic shape: an optional subdomain and an optional port.
            settings["Cors:Origins:" + i] = $@"https://([a-z0-9-]+\.)?tenant{i}\.example\.com(:\d+)?";
        }

        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    [Benchmark]
    public KongCorsConfiguredOrigins ReadCheckAndCompile() =>
        KongCorsConfiguredOrigins.Read(_configuration, "Cors:Origins", "Bench.TenantCors", [], credentials: true);
}
