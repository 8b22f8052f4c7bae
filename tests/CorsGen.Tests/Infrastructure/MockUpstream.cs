using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// Plays the part of Kong's mock upstream behind a policy: the endpoint handler whose responses the
/// policy decorates. <c>X-Mock-Behavior</c> selects what Kong's spec got from other plugins or the network.
/// </summary>
internal static class MockUpstream
{
    public const string BehaviorHeader = "X-Mock-Behavior";

    /// <summary>The handler throws: the exception handler answers 500 (Kong: a runtime error in another plugin).</summary>
    public const string Throw = "throw";

    /// <summary>The upstream is unreachable: 502.</summary>
    public const string BadGateway = "502";

    /// <summary>A later filter rejects the request with 401 (Kong: key-auth without credentials).</summary>
    public const string Unauthorized = "401";

    public static Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var behavior = request.Headers[BehaviorHeader].ToString();
        if (behavior == Throw)
        {
            throw new InvalidOperationException("The mock upstream was told to fail.");
        }

        if (behavior == BadGateway)
        {
            response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        }

        var path = (string?)request.RouteValues["path"] ?? "";
        if (path.StartsWith("status/", StringComparison.Ordinal) && int.TryParse(path["status/".Length..], out var status))
        {
            response.StatusCode = status;
            return response.WriteAsJsonAsync(new Dictionary<string, object> { ["code"] = status });
        }

        if (path == "response-headers")
        {
            foreach (var (name, value) in request.Query)
            {
                response.Headers[name] = value.ToString();
            }

            return response.WriteAsJsonAsync(Echo(request));
        }

        if (path is "" or "anything" || path.StartsWith("anything/", StringComparison.Ordinal) || path.StartsWith("items", StringComparison.Ordinal))
        {
            return response.WriteAsJsonAsync(Echo(request));
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        return response.WriteAsJsonAsync(new Dictionary<string, object> { ["message"] = "Not found" });
    }

    /// <summary>What the mock upstream echoes: the method (as Kong's <c>vars.request_method</c>) and the request headers.</summary>
    public static Dictionary<string, object> Echo(HttpRequest request) => new()
    {
        ["vars"] = new Dictionary<string, object> { ["request_method"] = request.Method },
        ["headers"] = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => (object)h.Value.ToString()),
    };
}
