using BenchmarkDotNet.Attributes;
using CorsGen.Benchmarks.Infrastructure;
using CorsGen.Benchmarks.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace CorsGen.Benchmarks;

/// <summary>What a request is to the governed endpoints of <see cref="PathPreflightBenchmarks"/>.</summary>
public enum PathCase
{
    /// <summary>GET to a mapped endpoint: what every allowed request pays.</summary>
    MappedGet,

    /// <summary>A preflight for GET, the method the path maps.</summary>
    MappedPreflight,

    /// <summary>A preflight for DELETE, a method no endpoint of the path maps (R4).</summary>
    UnmappedPreflight,
}

/// <summary>
/// R4 through a whole in-memory pipeline (TestServer, <c>UseKongCors()</c>): 10 or 1,000 governed endpoints, each its
/// own route pattern <c>/r{i}/items/{id}</c> mapped for GET only, and a request to the middle one. A preflight for a
/// method no endpoint maps is routed by ASP.NET Core's own matcher to the policy's path endpoint, so its cost should
/// not grow with the number of endpoints, and mapped requests should cost what they did before path endpoints.
/// </summary>
[MemoryDiagnoser]
public class PathPreflightBenchmarks
{
    private WebApplication _app = null!;
    private TestServer _server = null!;
    private string _path = "";
    private string _origin = "";

    [Params(10, 1000)]
    public int Endpoints { get; set; }

    [Params(PathCase.MappedGet, PathCase.MappedPreflight, PathCase.UnmappedPreflight)]
    public PathCase Case { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _origin = BenchmarkPolicy.Get("Exact10").AllowedOrigin;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseKongCors();
        for (var i = 0; i < Endpoints; i++)
        {
            _app.MapGet($"/r{i}/items/{{id}}", (string id) => id).WithExact10Cors();
        }

        _path = $"/r{Endpoints / 2}/items/7";
        _app.StartAsync().GetAwaiter().GetResult();
        _server = _app.GetTestServer();
        var status = Request().GetAwaiter().GetResult();
        if (status != 200)
        {
            throw new InvalidOperationException($"{Case} got {status}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Request()
    {
        var context = await _server.SendAsync(c =>
        {
            var request = c.Request;
            request.Path = _path;
            request.Headers.Origin = _origin;
            if (Case == PathCase.MappedGet)
            {
                request.Method = "GET";
            }
            else
            {
                request.Method = "OPTIONS";
                request.Headers.AccessControlRequestMethod = Case == PathCase.MappedPreflight ? "GET" : "DELETE";
            }
        });
        return context.Response.StatusCode;
    }
}
