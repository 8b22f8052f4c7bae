using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// Counts what a generated endpoint filter and its OnStarting callback allocate: they run on a reused
/// <see cref="DefaultHttpContext"/>, and the bytes allocated on this thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>)
/// over many warmed calls must be zero (in one of up to three rounds).
/// </summary>
internal static class RequestAllocations
{
    /// <summary>A value that may be given, null included.</summary>
    public readonly record struct Optional<T>(T Value)
    {
        public bool HasValue { get; } = true;
    }

    /// <param name="filter">The filter, as <see cref="GeneratedFilter"/> builds it.</param>
    /// <param name="services">The request's services, or null.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="origin">Its Origin, or null.</param>
    /// <param name="requestMethod">Its Access-Control-Request-Method (a preflight), or null.</param>
    /// <param name="iterations">How many measured requests.</param>
    /// <param name="expectHeaders">Whether the filter must write a header (else the measurement could be vacuous).</param>
    /// <param name="expectAllowOrigin">The Access-Control-Allow-Origin the answer must carry (null: none), when given.</param>
    /// <returns>How many requests ran, warm-up included.</returns>
    public static int AssertNone(
        EndpointFilterDelegate filter, IServiceProvider? services, string method, string? origin, string? requestMethod, int iterations, bool expectHeaders = true, Optional<string?> expectAllowOrigin = default)
    {
        var response = new CapturingResponseFeature();
        var httpContext = new DefaultHttpContext { RequestServices = services! };
        httpContext.Features.Set<IHttpResponseFeature>(response);
        httpContext.Request.Method = method;
        if (origin is not null)
        {
            httpContext.Request.Headers.Origin = origin;
        }

        if (requestMethod is not null)
        {
            httpContext.Request.Headers.AccessControlRequestMethod = requestMethod;
            httpContext.Request.Headers.AccessControlRequestHeaders = "content-type,x-requested-with";
        }

        var invocation = new DefaultEndpointFilterInvocationContext(httpContext);
        void Run()
        {
            httpContext.Response.Headers.Clear();
            httpContext.Response.StatusCode = 200;
            filter(invocation).GetAwaiter().GetResult();
            response.Start();
        }

        for (var i = 0; i < 200; i++)
        {
            Run();
        }

        Assert.True(httpContext.Response.Headers.Count > 0 || !expectHeaders, "the filter wrote no header: the measurement would be vacuous");
        if (expectAllowOrigin.HasValue)
        {
            Assert.Equal(expectAllowOrigin.Value, httpContext.Response.Headers.AccessControlAllowOrigin.Count == 0 ? null : httpContext.Response.Headers.AccessControlAllowOrigin.ToString());
        }

        // A request path that allocates does so on every request, in every round. A collection triggered by another
        // test's thread can move this thread's count once by a few KB of its allocation context; a round without any
        // byte settles it, and three rounds that all allocate fail with the least of them.
        var least = long.MaxValue;
        var requests = 200;
        for (var round = 0; round < 3 && least > 0; round++)
        {
            requests += iterations;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
            {
                Run();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(least == 0, $"{least} bytes over {iterations} requests ({least / (double)iterations:F1} per request), in each of 3 rounds");
        return requests;
    }

    /// <summary>A response feature that keeps the OnStarting callback so the test can start the response.</summary>
    private sealed class CapturingResponseFeature : HttpResponseFeature
    {
        private Func<object, Task>? _callback;
        private object? _state;

        public override void OnStarting(Func<object, Task> callback, object state)
        {
            _callback = callback;
            _state = state;
        }

        public void Start()
        {
            var callback = _callback;
            _callback = null;
            callback?.Invoke(_state!);
        }
    }
}
