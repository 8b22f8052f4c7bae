using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsGen.Benchmarks;

/// <summary>
/// Part 1: the cost of a policy on one request, each on a fresh <see cref="DefaultHttpContext"/> made
/// outside the measured code (a batch per iteration): CorsGen's generated filter, ASP.NET Core's
/// <see cref="CorsService"/> (EvaluatePolicy + ApplyResult) and <see cref="CorsMiddleware"/> with the
/// equivalent policy, against a hand-written floor that writes the same headers with no checks.
/// Responses are started after each call, so OnStarting work is measured too.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Batch)]
public class PolicyBenchmarks
{
    private const int Batch = 65536;

    private static readonly EndpointFilterDelegate Endpoint = static _ => ValueTask.FromResult<object?>(null);

    private readonly ICorsService _corsService = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
    private readonly ICorsPolicyProvider _policyProvider = new DefaultCorsPolicyProvider(Options.Create(new CorsOptions()));
    private BenchmarkPolicy _policy = null!;
    private EndpointFilterDelegate _corsGen = null!;
    private CorsMiddleware _middleware = null!;
    private BenchmarkRequest[] _requests = [];
    private int _next;

    [Params("Exact1", "Exact10", "Exact1000", "Regex1", "Regex10", "Regex100")]
    public string Policy { get; set; } = "Exact1";

    [Params(RequestCase.PreflightAllowed, RequestCase.PreflightRejected, RequestCase.ActualAllowed, RequestCase.ActualRejected, RequestCase.NoOrigin)]
    public RequestCase Case { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _policy = BenchmarkPolicy.Get(Policy);
        // Built as in an application, whose services hold an ILoggerFactory (logging off, as for CorsService).
        _corsGen = GeneratedFilter.Build(_policy.With, out _, BenchmarkRequest.Services);
        _middleware = new CorsMiddleware(static _ => Task.CompletedTask, _corsService, _policy.AspNetCore, NullLoggerFactory.Instance);
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _requests = BenchmarkRequest.CreateBatch(Case, _policy.AllowedOrigin, Batch);

        _next = 0;
    }

    [Benchmark(Baseline = true, Description = "Hand-written floor")]
    public void HandWritten()
    {
        var request = _requests[_next++];
        HandWrittenFloor.Invoke(request.Context, BenchmarkRequest.IsPreflight(Case), Endpoint, request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
    }

    [Benchmark(Description = "CorsGen")]
    public void CorsGen()
    {
        var request = _requests[_next++];
        _corsGen(request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
    }

    [Benchmark(Description = "CorsService")]
    public void AspNetCoreCorsService()
    {
        var request = _requests[_next++];
        var result = _corsService.EvaluatePolicy(request.Context, _policy.AspNetCore);
        _corsService.ApplyResult(result, request.Context.Response);
    }

    [Benchmark(Description = "CorsMiddleware")]
    public void AspNetCoreCorsMiddleware()
    {
        var request = _requests[_next++];
        _middleware.Invoke(request.Context, _policyProvider).GetAwaiter().GetResult();
        request.Response.Start();
    }
}
