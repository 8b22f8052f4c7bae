using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsGen.Benchmarks;

/// <summary>
/// Part 1 again, in the steady state of a server that reuses its HttpContext (Kestrel keeps one per
/// connection): one <see cref="DefaultHttpContext"/>, warm in the cache, whose response headers are cleared
/// after every operation. Without 65,536 fresh contexts and the garbage they keep alive, what is left is the
/// CPU cost of each implementation's own work. The clearing is in every method, the baseline included.
/// </summary>
[MemoryDiagnoser]
public class WarmPolicyBenchmarks
{
    private static readonly EndpointFilterDelegate Endpoint = static _ => ValueTask.FromResult<object?>(null);

    private readonly ICorsService _corsService = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
    private BenchmarkPolicy _policy = null!;
    private EndpointFilterDelegate _corsGen = null!;
    private BenchmarkRequest _request = null!;

    [Params("Exact1", "Exact1000", "Regex1", "Regex100")]
    public string Policy { get; set; } = "Exact1";

    [Params(RequestCase.PreflightAllowed, RequestCase.PreflightRejected, RequestCase.ActualAllowed)]
    public RequestCase Case { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _policy = BenchmarkPolicy.Get(Policy);
        _corsGen = GeneratedFilter.Build(_policy.With, out _, BenchmarkRequest.Services);
        _request = BenchmarkRequest.Create(Case, _policy.AllowedOrigin);
    }

    [Benchmark(Baseline = true, Description = "Hand-written floor")]
    public void HandWritten()
    {
        var request = _request;
        HandWrittenFloor.Invoke(request.Context, BenchmarkRequest.IsPreflight(Case), Endpoint, request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
        request.Context.Response.Headers.Clear();
    }

    [Benchmark(Description = "CorsGen")]
    public void CorsGen()
    {
        var request = _request;
        _corsGen(request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
        request.Context.Response.Headers.Clear();
    }

    [Benchmark(Description = "CorsService")]
    public void AspNetCoreCorsService()
    {
        var request = _request;
        var result = _corsService.EvaluatePolicy(request.Context, _policy.AspNetCore);
        _corsService.ApplyResult(result, request.Context.Response);
        request.Context.Response.Headers.Clear();
    }
}
