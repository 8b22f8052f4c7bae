using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// A real ASP.NET Core pipeline on TestServer with one route group per generated policy class, each
/// applied through its generated <c>With&lt;Policy&gt;()</c> and backed by <see cref="MockUpstream"/>.
/// Group <c>/{PolicyClass}</c> maps: <c>/get-only</c> (GET), <c>/post-only</c> (POST), <c>/options</c>
/// (OPTIONS, the app's own preflight handler) and a catch-all for every method.
/// </summary>
internal sealed class PolicyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PolicyHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PolicyHost> StartAsync(Assembly policies, IEnumerable<string> policyClasses, Action<WebApplication>? beforeGroups = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            },
        });

        beforeGroups?.Invoke(app);
        foreach (var policyClass in policyClasses)
        {
            var group = app.MapGroup("/" + policyClass);
            ApplyPolicy(policies, policyClass, group);
            group.AddEndpointFilter(static (context, next) =>
                context.HttpContext.Request.Headers[MockUpstream.BehaviorHeader] == MockUpstream.Unauthorized
                    ? ValueTask.FromResult<object?>(Results.Unauthorized())
                    : next(context));
            group.MapGet("/get-only", (HttpRequest request) => MockUpstream.Echo(request));
            group.MapPost("/post-only", (HttpRequest request) => MockUpstream.Echo(request));
            group.MapGet("/needs-query", (int id) => id);
            group.MapGet("/problem", () => Results.Problem("failed", statusCode: 422));
            group.MapGet("/vary", (HttpResponse response) =>
            {
                response.Headers.Vary = "Accept-Encoding";
                response.Headers.AccessControlAllowOrigin = "https://set-by-endpoint.test";
                return "ok";
            });
            group.MapMethods("/options", ["OPTIONS"], (HttpResponse response) =>
            {
                response.Headers["X-App-Options"] = "answered";
                return Results.NoContent();
            });
            group.Map("/{**path}", (Delegate)(Func<HttpContext, Task>)MockUpstream.Handle);
        }

        await app.StartAsync();
        return new PolicyHost(app, app.GetTestClient());
    }

    /// <summary>Calls the generated <c>With&lt;Policy&gt;()</c> extension on <paramref name="builder"/>.</summary>
    public static void ApplyPolicy<TBuilder>(Assembly policies, string policyClass, TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        var extensions = policies.GetTypes().Single(t => t.Name == policyClass + "Extensions");
        var with = extensions.GetMethod("With" + policyClass)!.MakeGenericMethod(typeof(TBuilder));
        with.Invoke(null, [builder]);
    }

    public Task<HttpResponseMessage> SendAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request);
    }

    /// <summary>
    /// Sends a request built directly on the server's HttpContext, bypassing HttpClient's header
    /// validation: for malformed input (control chars, non-ASCII, several values of one header).
    /// </summary>
    public Task<HttpContext> SendRawAsync(string method, string path, Action<IHeaderDictionary> headers) =>
        _app.GetTestServer().SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Path = path;
            headers(context.Request.Headers);
        });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>Reading response headers the way the tests state expectations: every line of a header, in order.</summary>
internal static class ResponseHeaders
{
    /// <summary>All values of <paramref name="name"/> (from the response and content headers), or an empty array.</summary>
    public static string[] Values(this HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
        {
            return values.ToArray();
        }

        return [];
    }

    /// <summary>The single value of <paramref name="name"/>, or null when absent; fails on several lines.</summary>
    public static string? Single(this HttpResponseMessage response, string name)
    {
        var values = response.Values(name);
        return values.Length switch
        {
            0 => null,
            1 => values[0],
            _ => throw new Xunit.Sdk.XunitException($"{name} has {values.Length} lines: {string.Join(" | ", values)}"),
        };
    }
}
