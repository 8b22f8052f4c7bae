using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsGen.Benchmarks.Infrastructure;

/// <summary>The requests the policy benchmarks send.</summary>
public enum RequestCase
{
    PreflightAllowed,
    PreflightRejected,
    ActualAllowed,
    ActualRejected,
    NoOrigin,
}

/// <summary>
/// A fresh <see cref="DefaultHttpContext"/> for one request, made outside the measured code. Its response
/// feature keeps the OnStarting callbacks, so a benchmark can start the response as a server would.
/// </summary>
internal sealed class BenchmarkRequest
{
    public const string RejectedOrigin = "https://evil.example.net";

    // A server sets RequestServices before any middleware runs; without it, the first read of
    // HttpContext.RequestServices would create a feature inside the measured code. Logging is off, as
    // for ASP.NET Core's CorsService, which gets NullLoggerFactory too. The generated filter is built with
    // these as its application's services.
    public static readonly IServiceProvider Services =
        new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();

    private BenchmarkRequest(DefaultHttpContext context, StartableResponseFeature response)
    {
        Context = context;
        Response = response;
        Invocation = new DefaultEndpointFilterInvocationContext(context);
    }

    public DefaultHttpContext Context { get; }

    public StartableResponseFeature Response { get; }

    public DefaultEndpointFilterInvocationContext Invocation { get; }

    public static BenchmarkRequest Create(RequestCase requestCase, string allowedOrigin)
    {
        var response = new StartableResponseFeature();
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Features.Set<IHttpResponseFeature>(response);
        var headers = context.Request.Headers;
        switch (requestCase)
        {
            case RequestCase.PreflightAllowed:
            case RequestCase.PreflightRejected:
                context.Request.Method = "OPTIONS";
                headers.Origin = requestCase == RequestCase.PreflightAllowed ? allowedOrigin : RejectedOrigin;
                headers.AccessControlRequestMethod = "PUT";
                headers.AccessControlRequestHeaders = "content-type,x-request-id";
                break;
            case RequestCase.ActualAllowed:
            case RequestCase.ActualRejected:
                context.Request.Method = "GET";
                headers.Origin = requestCase == RequestCase.ActualAllowed ? allowedOrigin : RejectedOrigin;
                break;
            default:
                context.Request.Method = "GET";
                break;
        }

        return new BenchmarkRequest(context, response);
    }

    /// <summary>A fresh request per call of one measured iteration, all of one case.</summary>
    public static BenchmarkRequest[] CreateBatch(RequestCase requestCase, string allowedOrigin, int count)
    {
        var requests = new BenchmarkRequest[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = Create(requestCase, allowedOrigin);
        }

        return requests;
    }

    public static bool IsPreflight(RequestCase requestCase) => requestCase is RequestCase.PreflightAllowed or RequestCase.PreflightRejected;
}

/// <summary>A response feature that runs its OnStarting callbacks when told to, as a server does on the first write.</summary>
internal sealed class StartableResponseFeature : HttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = new(2);

    public override void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

    public void Start()
    {
        for (var i = _onStarting.Count - 1; i >= 0; i--)
        {
            _onStarting[i].Callback(_onStarting[i].State).GetAwaiter().GetResult();
        }

        _onStarting.Clear();
    }
}
