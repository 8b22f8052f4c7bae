using System.Reflection;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Configuration;

/// <summary>
/// An application whose policies read origins from configuration, compiled once with the real generator: its
/// <c>Program</c> is ordinary user code (MapGroup + With...(), single endpoints, an attribute on a minimal-API handler,
/// UseKongCors with and without a configured default policy), so the tests exercise what a user writes.
/// </summary>
public sealed class ConfiguredOriginsFixture
{
    public const string Source = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        namespace ConfiguredApp;

        [KongCors(OriginsFromConfiguration = "Cors:Origins", Methods = ["GET", "POST"])]
        public static partial class PartnerCors;

        [KongCors(Origins = ["https://fixed.test", @"https://[a-z]+\.fixed\.test"], OriginsFromConfiguration = "Cors:More", ExposedHeaders = ["X-Total"])]
        public static partial class MixedCors;

        [KongCors(OriginsFromConfiguration = "Cors:Credentialed", Credentials = true)]
        public static partial class CredentialedCors;

        [KongCors(Origins = ["*"], OriginsFromConfiguration = "Cors:AfterStar")]
        public static partial class StarCors;

        [KongCors(OriginsFromConfiguration = "Cors:Global", MaxAge = 60)]
        public static partial class GlobalCors;

        public static class Program
        {
            /// <summary>mode: "filter" (endpoint filters only), "middleware" (UseKongCors()), "global" (UseKongCors(GlobalCors)).</summary>
            public static WebApplication Build(WebApplicationBuilder builder, string mode)
            {
                var app = builder.Build();
                if (mode == "middleware")
                {
                    app.UseKongCors();
                }
                else if (mode == "global")
                {
                    app.UseKongCors(GlobalCors.Policy);
                }

                app.MapGroup("/partner").WithPartnerCors().MapGet("/items", () => "items");
                app.MapGroup("/mixed").WithMixedCors().MapGet("/items", () => "items");
                app.MapGet("/credentialed/items", () => "items").WithCredentialedCors();
                app.MapGroup("/star").WithStarCors().MapGet("/items", () => "items");
                app.MapGet("/attribute/items", [PartnerCors] () => "items");
                app.MapGet("/none", () => "none");
                return app;
            }
        }
        """;

    public ConfiguredOriginsFixture() => App = GeneratorRunner.CompileAndLoad(Source);

    internal Assembly App { get; }

    internal Type Policy(string name) => App.GetType("ConfiguredApp." + name, throwOnError: true)!;
}

/// <summary>One running instance of the configured app on TestServer.</summary>
internal sealed class ConfiguredOriginsApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConfiguredOriginsApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="fixture">The compiled app.</param>
    /// <param name="settings">In-memory configuration (added last, so it wins over appsettings files).</param>
    /// <param name="mode">filter, middleware or global.</param>
    /// <param name="configure">Anything else to set on the builder (configuration sources, the environment), or null.</param>
    /// <param name="environmentName">The host environment, or null for Production.</param>
    /// <param name="contentRoot">The content root (where appsettings*.json are read), or null for the current directory.</param>
    public static async Task<ConfiguredOriginsApp> StartAsync(
        ConfiguredOriginsFixture fixture,
        IDictionary<string, string?>? settings,
        string mode = "middleware",
        Action<WebApplicationBuilder>? configure = null,
        string? environmentName = null,
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The app's own assembly, so ASP.NET Core runs its hosting startup (CorsGen's startup check).
            ApplicationName = fixture.App.GetName().Name,
            EnvironmentName = environmentName ?? "Production",
            ContentRootPath = contentRoot,
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure?.Invoke(builder);
        var program = fixture.App.GetType("ConfiguredApp.Program", throwOnError: true)!;
        WebApplication app;
        try
        {
            app = (WebApplication)program.GetMethod("Build")!.Invoke(null, [builder, mode])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await app.StartAsync();
        return new ConfiguredOriginsApp(app);
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

    public Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method = "GET") =>
        SendAsync("OPTIONS", path, ("Origin", origin), ("Access-Control-Request-Method", method));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
