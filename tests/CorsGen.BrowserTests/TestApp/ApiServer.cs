using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsGen.BrowserTests.TestApp;

/// <summary>
/// The API the test pages call: Kestrel on a free loopback port (<c>http://127.0.0.1:&lt;port&gt;</c>),
/// the groups of <see cref="ApiGroups"/>, <c>UseExceptionHandler</c> answering 500, and an
/// authorization middleware that rejects every request to a group that requires authorization;
/// in the endpoint-filter mode, or in the middleware mode (<c>app.UseKongCors()</c> before authentication).
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _lastProbe;

    private ApiServer(WebApplication app, string origin, RequestLog log)
    {
        _app = app;
        Origin = origin;
        Log = log;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Origin { get; }

    public RequestLog Log { get; }

    /// <summary>
    /// An absolute URL for <paramref name="path"/> that no other call uses (a <c>probe</c> query),
    /// so the request log and the browser's preflight cache hold nothing of other tests for it.
    /// </summary>
    public string UniqueUrl(string path) => $"{Origin}{path}?probe={Interlocked.Increment(ref _lastProbe)}";

    public static async Task<ApiServer> StartAsync(bool middlewareMode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // As in Development: a refused origin's response says why in CorsGen-Reason (issue 17).
        builder.Configuration["CorsGen:ExplainRejections"] = "true";
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(RejectingAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, RejectingAuthenticationHandler>(RejectingAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        if (middlewareMode)
        {
            // Attributes need UseKongCors(): controllers are served by the middleware-mode API only.
            builder.Services.AddControllers().AddApplicationPart(typeof(BrowserOrdersController).Assembly);
        }

        var app = builder.Build();
        var log = new RequestLog();
        app.Use(log.Record);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return context.Response.WriteAsync("The server failed.");
            },
        });
        app.UseRouting();
        if (middlewareMode)
        {
            // After routing and before authentication: preflights are answered before authorization,
            // and the authorization middleware's 401 carries the policy's headers.
            app.UseKongCors();
        }

        app.UseAuthentication();
        app.UseAuthorization();

        if (middlewareMode)
        {
            app.MapControllers();
        }

        foreach (var group in ApiGroups.All)
        {
            var routes = app.MapGroup(group.Prefix);
            group.Apply(routes);
            ApiGroups.MapEndpoints(routes);
        }

        await app.StartAsync();
        var address = app.Urls.Single();
        return new ApiServer(app, new Uri(address).GetLeftPart(UriPartial.Authority), log);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Authenticates nobody: a group that requires authorization answers every request 401.</summary>
    private sealed class RejectingAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Rejecting";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
