using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// Two assemblies of one app both use CorsGen: a library whose public policy maps its own endpoints, and
/// the app, which has a policy of its own, applies the library's policy to one of its groups and calls
/// <c>app.UseKongCors()</c>. Each assembly gets its own internal runtime and <c>UseKongCors()</c>, so the
/// app's call is not ambiguous, and the app's middleware serves the library's policy as its own.
/// </summary>
public sealed class TwoAssembliesTests
{
    private const string LibrarySource = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;

        namespace Library;

        [KongCors(Origins = ["https://library.test", "https://admin.library.test"], Methods = ["GET", "PUT"])]
        public static partial class LibraryCors;

        public static class LibraryEndpoints
        {
            public static void Map(IEndpointRouteBuilder app) =>
                app.MapGroup("/library").WithLibraryCors().RequireAuthorization().MapGet("/items", () => "library");
        }
        """;

    private const string AppSource = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Library;

        namespace App;

        [KongCors(Origins = ["https://app.test"], Credentials = true)]
        public static partial class AppCors;

        public static class AppPipeline
        {
            public static void Configure(WebApplication app)
            {
                app.UseKongCors();
                app.UseAuthentication();
                app.UseAuthorization();
                LibraryEndpoints.Map(app);
                app.MapGroup("/app").WithAppCors().RequireAuthorization().MapGet("/items", () => "app");
                app.MapGroup("/shared").WithLibraryCors().RequireAuthorization().MapGet("/items", () => "shared");
            }
        }
        """;

    [Fact]
    public async Task The_apps_middleware_serves_its_own_policies_and_a_librarys()
    {
        var suffix = Guid.NewGuid().ToString("N");
        GeneratorRunner.CompileAndLoad("Library" + suffix, GeneratorRunner.FrameworkReferences, [LibrarySource], out var library);
        var app = GeneratorRunner.CompileAndLoad("App" + suffix, GeneratorRunner.FrameworkReferences.Add(library), [AppSource], out _);

        var logs = new CapturingLoggerProvider();
        await using var web = MiddlewareApp.CreateBuilder(logs).Build();
        app.GetType("App.AppPipeline", throwOnError: true)!.GetMethod("Configure")!.Invoke(null, [web]);
        await web.StartAsync();
        using var client = web.GetTestClient();

        // Every group requires authorization, so only the middleware can answer these preflights with 200.
        foreach (var (path, origin) in new[] { ("/library/items", "https://library.test"), ("/shared/items", "https://library.test"), ("/app/items", "https://app.test") })
        {
            using var preflight = await client.SendAsync(Request("OPTIONS", path, ("Origin", origin), ("Access-Control-Request-Method", "GET")));
            Assert.Equal(200, (int)preflight.StatusCode);
            Assert.Equal(origin, preflight.Single("Access-Control-Allow-Origin"));
        }

        // The 401s written by authorization carry each policy's headers.
        using var libraryActual = await client.SendAsync(Request("GET", "/shared/items", ("Origin", "https://library.test")));
        Assert.Equal(401, (int)libraryActual.StatusCode);
        Assert.Equal("https://library.test", libraryActual.Single("Access-Control-Allow-Origin"));
        using var appActual = await client.SendAsync(Request("GET", "/app/items", ("Origin", "https://app.test")));
        Assert.Equal(401, (int)appActual.StatusCode);
        Assert.Equal("https://app.test", appActual.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", appActual.Single("Access-Control-Allow-Credentials"));

        // The endpoints are built by now: no startup check mistook the library's policy for a missing middleware
        // or a second CORS mechanism.
        Assert.Empty(logs.For("MiddlewareMissing"));
        Assert.Empty(logs.For("DuplicateCorsMechanisms"));

        // The library's filter stands aside for the app's middleware: a rejected origin is judged once.
        logs.Entries.Clear();
        using var rejected = await client.SendAsync(Request("GET", "/library/items", ("Origin", "https://evil.test"), ("Authorization", "Test ok")));
        Assert.Equal(200, (int)rejected.StatusCode);
        Assert.Null(rejected.Single("Access-Control-Allow-Origin"));
        Assert.Single(logs.For("OriginNotAllowed"));
    }

    private static HttpRequestMessage Request(string method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
