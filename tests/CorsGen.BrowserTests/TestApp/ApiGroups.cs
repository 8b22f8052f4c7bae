using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CorsGen.BrowserTests.TestApp;

/// <summary>A route group of the API and the CorsGen policy applied to it.</summary>
/// <param name="Prefix">The group's path, e.g. <c>/listed</c>.</param>
/// <param name="Apply">Applies the policy (the generated <c>With…()</c>) and anything else the group needs.</param>
internal sealed record ApiGroup(string Prefix, Action<RouteGroupBuilder> Apply);

/// <summary>
/// The table of policies under test: one group per policy, each with the same endpoints
/// (<see cref="MapEndpoints"/>). A new policy is one row here and one class in BrowserPolicies.cs.
/// </summary>
internal static class ApiGroups
{
    public static readonly ApiGroup[] All =
    [
        new("/listed", g => g.WithListedOriginCors()),
        new("/credentials", g => g.WithCredentialsCors()),
        new("/cached", g => g.WithCachedPreflightCors()),
        new("/single", g => g.WithSingleOriginCors()),
        new("/any", g => g.WithAnyOriginCors()),
        new("/host-only", g => g.WithHostOnlyLiteralCors()),
        new("/regex", g => g.WithRegexOriginCors()),
        new("/host-regex", g => g.WithHostRegexCors()),
        new("/continue", g =>
        {
            g.WithContinueCors();
            // P7: the policy lets preflights through; this is the app's own answer to them.
            g.MapMethods("/items", [HttpMethods.Options], (HttpContext context) => AnswerPreflight(context, ContinueCors.GetAllowOrigin));
        }),
        // The same policy as /listed behind ASP.NET Core's authorization middleware, which runs
        // before any endpoint filter (and after UseKongCors() in the middleware-mode API).
        new("/authorized", g => g.WithListedOriginCors().RequireAuthorization()),
    ];

    /// <summary>What every group serves.</summary>
    public static void MapEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/items", (HttpResponse response) =>
        {
            response.Headers["X-Total-Count"] = "3";
            // Sent on the wire, but no policy exposes it to the page.
            response.Headers["X-Internal-Id"] = "42";
            return new[] { "kettle", "mug", "teapot" };
        });
        group.MapPut("/items", () => new { Updated = true });
        group.MapPatch("/items", () => new { Patched = true });
        group.MapGet("/session", (HttpRequest request) => new { Session = request.Cookies["session"] });
        group.MapGet("/throws", string () => throw new InvalidOperationException("The handler failed (the exception handler answers 500)."));

        // A filter added after the group's CORS filter rejects the request, as an API-key check would.
        group.MapGet("/secured", () => "secret")
            .AddEndpointFilter((context, next) => context.HttpContext.Request.Headers.ContainsKey("X-Api-Key")
                ? next(context)
                : ValueTask.FromResult<object?>(Results.Unauthorized()));
    }

    /// <summary>An app's own preflight answer, as apps behind <c>PreflightContinue</c> write them.</summary>
    private static IResult AnswerPreflight(HttpContext context, Func<string?, string?> getAllowOrigin)
    {
        var headers = context.Response.Headers;
        if (getAllowOrigin(context.Request.Headers.Origin.FirstOrDefault()) is { } allowOrigin)
        {
            headers.AccessControlAllowOrigin = allowOrigin;
        }

        headers.AccessControlAllowMethods = "PUT";
        headers.AccessControlAllowHeaders = "X-Custom";
        headers["X-App-Options"] = "answered";
        return Results.NoContent();
    }
}
