using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// The policies of the middleware tests, compiled once with the real generator, and the app they run in:
/// exception handler, authentication, authorization, route groups with and without policies, in the
/// three modes: endpoint filters only, <c>UseKongCors()</c>, and <c>UseKongCors(GlobalCors)</c>.
/// </summary>
public sealed class MiddlewarePoliciesFixture
{
    public const string Source = """
        using CorsGen;

        namespace MiddlewarePolicies;

        [KongCors(Origins = ["https://app.test", "https://other.test"], Credentials = true, ExposedHeaders = ["X-Total"])]
        public static partial class ApiCors;

        [KongCors(Origins = ["https://partner.test"], Methods = ["GET"])]
        public static partial class PartnerCors;

        [KongCors(MaxAge = 60)]
        public static partial class GlobalCors;

        [KongCors(Origins = ["https://app.test"], PreflightContinue = true)]
        public static partial class ContinueCors;
        """;

    public MiddlewarePoliciesFixture() => Policies = GeneratorRunner.CompileAndLoad(Source);

    internal Assembly Policies { get; }

    internal object Policy(string policyClass) => RuntimeLibrary.PolicyOf(Policies, "MiddlewarePolicies." + policyClass);
}

public enum CorsMode
{
    FilterOnly,
    Middleware,
    MiddlewareWithGlobalPolicy,
}

internal sealed class MiddlewareApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MiddlewareApp(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="fixture">The compiled policies.</param>
    /// <param name="mode">Filters only, or the middleware with or without a default policy.</param>
    /// <param name="first">Middleware to run before everything else (a test's probe), or null.</param>
    /// <param name="configure">Anything else to map (an extra endpoint source), or null.</param>
    /// <param name="build">Anything else to set on the builder (configuration), or null.</param>
    /// <param name="environmentName">The host environment (Production when null, as the test host has none set).</param>
    public static async Task<MiddlewareApp> StartAsync(
        MiddlewarePoliciesFixture fixture,
        CorsMode mode,
        Func<HttpContext, RequestDelegate, Task>? first = null,
        Action<IEndpointRouteBuilder>? configure = null,
        Action<WebApplicationBuilder>? build = null,
        string? environmentName = null)
    {
        var logs = new CapturingLoggerProvider();
        var builder = CreateBuilder(logs, environmentName: environmentName);
        build?.Invoke(builder);
        builder.Services.AddCors();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        if (first is not null)
        {
            app.Use(first);
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return context.Response.WriteAsync("failed");
            },
        });

        if (mode != CorsMode.FilterOnly)
        {
            UseKongCors(app, mode == CorsMode.MiddlewareWithGlobalPolicy ? fixture.Policy("GlobalCors") : null);
        }

        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api");
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", api);
        api.MapGet("/items", (HttpResponse response) =>
        {
            response.Headers["X-Total"] = "3";
            return new[] { 1, 2, 3 };
        });
        api.MapPut("/items/{id:int}", (int id) => Results.Ok(id));
        api.MapGet("/throw", string () => throw new InvalidOperationException("boom"));
        api.MapGet("/problem", () => Results.Problem("nope", statusCode: 409));
        api.MapPost("/validate", () => Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["required"] }));
        api.MapGet("/short-circuit", () => "unreachable").AddEndpointFilter((_, _) => ValueTask.FromResult<object?>(Results.StatusCode(429)));

        // Opt-outs: ASP.NET Core's [DisableCors] closer than the group's policy, and on an endpoint under the default policy.
        api.MapGet("/private", [DisableCors] () => "private");
        app.MapGet("/open/private", () => "open private").WithMetadata(new DisableCorsAttribute());

        var secure = app.MapGroup("/secure").RequireAuthorization();
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", secure);
        secure.MapGet("/me", () => "me");
        secure.MapPost("/orders", () => Results.Created("/secure/orders/1", 1));

        var hosted = app.MapGroup("/hosted").RequireHost("api.example.com");
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", hosted);
        hosted.MapGet("/x", () => "hosted");

        app.MapGet("/open/x", () => "open");

        // R4: a single governed endpoint; overlapping patterns with two policies; two policies on one pattern.
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", app.MapGet("/single/x", () => "single"));
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", app.MapGet("/overlap/{name}", (string name) => name));
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", app.MapGet("/overlap/special", () => "special"));
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", app.MapGet("/tie/x", () => "tie"));
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", app.MapPost("/tie/x", () => "tie"));

        // P7: the group lets preflights continue; the app answers OPTIONS itself.
        var continued = app.MapGroup("/continue");
        PolicyHost.ApplyPolicy(fixture.Policies, "ContinueCors", continued);
        continued.MapGet("/x", () => "continued");
        continued.MapMethods("/x", ["OPTIONS"], () => Results.Text("the app's own OPTIONS", statusCode: 202));

        var outer = app.MapGroup("/nested");
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", outer);
        var inner = outer.MapGroup("/inner");
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", inner);
        inner.MapGet("/x", () => "inner");

        var aspnet = app.MapGroup("/aspnet");
        PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", aspnet);
        aspnet.RequireCors(policy => policy.AllowAnyOrigin());
        aspnet.MapGet("/x", () => "aspnet");

        configure?.Invoke(app);
        await app.StartAsync();

        // Build every endpoint now, as the first request would: the startup checks run then.
        _ = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        return new MiddlewareApp(app, logs);
    }

    /// <summary>A TestServer application logging everything at Debug to <paramref name="logs"/>, with the test authentication and authorization.</summary>
    /// <param name="logs">Where the app logs, at Debug.</param>
    /// <param name="applicationName">
    /// The application's assembly, whose hosting startups ASP.NET Core runs (CorsGen's startup check is one); by default the
    /// test host's, which has none.
    /// </param>
    /// <param name="environmentName">The host environment, or null for the default.</param>
    internal static WebApplicationBuilder CreateBuilder(CapturingLoggerProvider logs, string? applicationName = null, string? environmentName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = applicationName, EnvironmentName = environmentName });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(TestAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>Calls CorsGen.Runtime's <c>app.UseKongCors()</c>.</summary>
    private static void UseKongCors(IApplicationBuilder app, object? defaultPolicy) => RuntimeLibrary.UseKongCors(app, defaultPolicy);

    public Task<HttpResponseMessage> SendAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> Preflight(string path, string origin, string method = "GET", params (string, string)[] extra) =>
        SendAsync("OPTIONS", path, [("Origin", origin), ("Access-Control-Request-Method", method), .. extra]);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Authenticates requests that carry <c>Authorization: Test ok</c>; challenges with 401 otherwise.</summary>
    private sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.Authorization == "Test ok"
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester")], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());
    }
}

/// <summary>Keeps every log entry, for assertions on event ids.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IEnumerable<(string Category, LogLevel Level, EventId Id, string Message)> For(string eventName) =>
        Entries.Where(e => e.Id.Name == eventName);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}
