using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Benchmarks.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Benchmarks;

/// <summary>
/// Part 3: a whole request through an in-memory ASP.NET Core pipeline (TestServer: routing, the endpoint,
/// the response), with the same policy applied by CorsGen (<c>WithExact10Cors()</c>; the filter, or
/// <c>UseKongCors()</c>) or by ASP.NET Core (<c>UseCors()</c> + <c>RequireCors</c>). Requests per second is
/// 1 / Mean; Allocated is per request, server and all.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private WebApplication _app = null!;
    private TestServer _server = null!;
    private string _origin = "";

    [Params("CorsGen filter", "CorsGen UseKongCors", "ASP.NET Core UseCors", "No CORS")]
    public string Setup { get; set; } = "";

    [Params(RequestCase.PreflightAllowed, RequestCase.ActualAllowed, RequestCase.ActualRejected)]
    public RequestCase Case { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var policy = BenchmarkPolicy.Get("Exact10");
        _origin = Case == RequestCase.ActualRejected ? BenchmarkRequest.RejectedOrigin : policy.AllowedOrigin;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddCors(options => options.AddPolicy("exact10", policy.AspNetCore));
        _app = builder.Build();
        if (Setup == "CorsGen UseKongCors")
        {
            _app.UseKongCors();
        }

        if (Setup == "ASP.NET Core UseCors")
        {
            _app.UseCors();
        }

        var group = _app.MapGroup("/api");
        switch (Setup)
        {
            case "CorsGen filter":
            case "CorsGen UseKongCors":
                group.WithExact10Cors();
                break;
            case "ASP.NET Core UseCors":
                group.RequireCors("exact10");
                break;
        }

        group.MapGet("/items", () => "ok");
        group.MapPut("/items", () => "ok");
        _app.StartAsync().GetAwaiter().GetResult();
        _server = _app.GetTestServer();
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Request()
    {
        var context = await _server.SendAsync(c =>
        {
            var request = c.Request;
            request.Path = "/api/items";
            request.Headers.Origin = _origin;
            if (Case == RequestCase.PreflightAllowed)
            {
                request.Method = "OPTIONS";
                request.Headers.AccessControlRequestMethod = "PUT";
                request.Headers.AccessControlRequestHeaders = "content-type";
            }
            else
            {
                request.Method = "GET";
            }
        });
        return context.Response.StatusCode;
    }
}
