using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CorsGen.BrowserTests.TestApp;

/// <summary>One request the API received, and how it was answered: what the browser really sent.</summary>
internal sealed record LoggedRequest(
    string Method,
    string PathAndQuery,
    string? Origin,
    bool IsPreflight,
    string? Cookie,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders)
{
    public override string ToString() => $"{Method} {PathAndQuery} (Origin: {Origin ?? "none"}{(IsPreflight ? ", preflight" : "")}) -> {Status}";
}

/// <summary>
/// Every request the API received. Each test calls URLs of its own (<see cref="ApiServer.UniqueUrl"/>),
/// so it reads only its own requests, and a preflight cached by an earlier test cannot hide one.
/// </summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    /// <summary>The requests for <paramref name="url"/>'s path and query, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> For(string url)
    {
        var pathAndQuery = new Uri(url).PathAndQuery;
        return _requests.Where(r => r.PathAndQuery == pathAndQuery).ToList();
    }

    /// <summary>Middleware, first in the pipeline: records each request with its final status and headers.</summary>
    public async Task Record(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        try
        {
            await next(context);
        }
        finally
        {
            var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new LoggedRequest(
                request.Method,
                request.Path + request.QueryString,
                request.Headers.Origin.Count > 0 ? request.Headers.Origin.ToString() : null,
                HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0,
                request.Headers.Cookie.Count > 0 ? request.Headers.Cookie.ToString() : null,
                context.Response.StatusCode,
                headers));
        }
    }
}
