using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Benchmarks;

/// <summary>
/// Issue 17: what the corsgen.requests counter costs a request through the generated filter, built with an application's
/// IMeterFactory: nobody listening (the counter is only checked), and a listener taking every measurement (the result is
/// computed and the counter incremented with its two tags).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Batch)]
public class MetricsBenchmarks
{
    private const int Batch = 65536;

    private MeterListener? _listener;
    private BenchmarkPolicy _policy = null!;
    private EndpointFilterDelegate _corsGen = null!;
    private BenchmarkRequest[] _requests = [];
    private int _next;
    private long _measured;

    [Params("Exact10", "Regex10")]
    public string Policy { get; set; } = "Exact10";

    [Params(RequestCase.PreflightAllowed, RequestCase.ActualAllowed, RequestCase.ActualRejected)]
    public RequestCase Case { get; set; }

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _policy = BenchmarkPolicy.Get(Policy);
        if (Listening)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == KongCorsMetrics.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measured += value);
            _listener.Start();
        }

        // An application's services: metrics (IMeterFactory) and logging, off as in production.
        var services = new ServiceCollection()
            .AddMetrics()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .BuildServiceProvider();
        _corsGen = GeneratedFilter.Build(_policy.With, out _, services);
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _listener?.Dispose();
        if (Listening && _measured == 0)
        {
            throw new InvalidOperationException("The listener took no measurement: the benchmark measured nothing.");
        }
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _requests = BenchmarkRequest.CreateBatch(Case, _policy.AllowedOrigin, Batch);

        _next = 0;
    }

    [Benchmark(Description = "CorsGen filter")]
    public void CorsGen()
    {
        var request = _requests[_next++];
        _corsGen(request.Invocation).GetAwaiter().GetResult();
        request.Response.Start();
    }
}
