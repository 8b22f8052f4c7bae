using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Package;

/// <summary>
/// SLOW (about a minute; Native AOT): a minimal API published with <c>PublishAot</c> for linux-x64, with a regex policy,
/// <c>UseKongCors()</c> and a policy from a library project, each applied inside a fluent chain with the runtime library's
/// <c>WithKongCors(ShopCors.Policy)</c>, which the Request Delegate Generator can see (a generated <c>WithShopCors()</c>
/// it cannot, and the chain's <c>Map*</c> calls then warn IL2026/IL3050), in a chain and through a local. Zero IL
/// warnings; the native binary answers on loopback.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class AotPublishTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private const string LibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <IsAotCompatible>true</IsAotCompatible>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <ProjectReference Include="{src}/CorsGen/CorsGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{src}/CorsGen.Attributes/CorsGen.Attributes.csproj" />
            <ProjectReference Include="{src}/CorsGen.Runtime/CorsGen.Runtime.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string LibraryPolicy = """
        using CorsGen;

        namespace PartnerLib;

        [KongCors(Origins = [@"https://(.+\.)?partner\.test"], Methods = ["GET"])]
        public static partial class PartnerCors;
        """;

    private const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <PublishAot>true</PublishAot>
            <InvariantGlobalization>true</InvariantGlobalization>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{src}/CorsGen/CorsGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{src}/CorsGen.Attributes/CorsGen.Attributes.csproj" />
            <ProjectReference Include="{src}/CorsGen.Runtime/CorsGen.Runtime.csproj" />
            <ProjectReference Include="../PartnerLib/PartnerLib.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string AppProgram = """
        using CorsGen;

        var app = WebApplication.CreateSlimBuilder(args).Build();
        app.UseKongCors();
        app.MapGet("/", () => "up");
        var api = app.MapGroup("/api").WithKongCors(ShopCors.Policy);
        api.MapGet("/items", () => "kettle,mug");
        api.MapPost("/items", () => "created");
        app.MapGroup("/partner").WithKongCors(PartnerLib.PartnerCors.Policy).MapGet("/feed", () => "feed");
        app.Run();

        [KongCors(Origins = ["https://shop.example.com", @"https://(.+\.)?example\.com"], Methods = ["GET", "POST"], Credentials = true, MaxAge = 3600)]
        internal static partial class ShopCors;
        """;

    [AotFact]
    public async Task A_native_AOT_app_publishes_without_warnings_and_answers()
    {
        var work = Directory.CreateTempSubdirectory("corsgen-aot-test-").FullName;
        Process? app = null;
        StringBuilder? output = null;
        try
        {
            var src = Path.Combine(RepositoryRoot.Path, "src");
            var library = Path.Combine(work, "PartnerLib");
            var project = Path.Combine(work, "AotApp");
            Directory.CreateDirectory(library);
            Directory.CreateDirectory(project);
            await File.WriteAllTextAsync(Path.Combine(library, "PartnerLib.csproj"), LibraryProject.Replace("{src}", src, StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(library, "PartnerCors.cs"), LibraryPolicy);
            await File.WriteAllTextAsync(Path.Combine(project, "AotApp.csproj"), AppProject.Replace("{src}", src, StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), AppProgram);

            var published = await PublishWithoutWarningsAsync(project, work);
            var baseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
            app = DotnetCli.StartProgram(Path.Combine(published, "AotApp"), published, new Dictionary<string, string>(), ["--urls", baseAddress.ToString()], out output);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await LoopbackServer.WaitUntilListeningAsync(client, app, output, StartTimeout);

            // A preflight to the regex policy, for a mapped method and for one no endpoint maps (R4).
            foreach (var method in new[] { "POST", "DELETE" })
            {
                using var preflight = await client.SendWithOriginAsync(HttpMethod.Options, "/api/items", "https://a.example.com", ("Access-Control-Request-Method", method));
                Assert.Equal(HttpStatusCode.OK, preflight.StatusCode);
                Assert.Equal("https://a.example.com", preflight.Single("Access-Control-Allow-Origin"));
                Assert.Equal("GET,POST", preflight.Single("Access-Control-Allow-Methods"));
                Assert.Equal("3600", preflight.Single("Access-Control-Max-Age"));
            }

            using (var allowed = await client.SendWithOriginAsync(HttpMethod.Get, "/api/items", "https://shop.example.com"))
            {
                Assert.Equal("kettle,mug", await allowed.Content.ReadAsStringAsync());
                Assert.Equal("https://shop.example.com", allowed.Single("Access-Control-Allow-Origin"));
                Assert.Equal("true", allowed.Single("Access-Control-Allow-Credentials"));
            }

            using (var rejected = await client.SendWithOriginAsync(HttpMethod.Get, "/api/items", "https://evilexample.com"))
            {
                Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
                Assert.Null(rejected.Single("Access-Control-Allow-Origin"));
            }

            // The library's policy, found across assemblies by the app's UseKongCors().
            using (var partner = await client.SendWithOriginAsync(HttpMethod.Get, "/partner/feed", "https://a.partner.test"))
            {
                Assert.Equal("https://a.partner.test", partner.Single("Access-Control-Allow-Origin"));
            }
        }
        finally
        {
            if (app is not null)
            {
                DotnetCli.Kill(app);
                app.Dispose();
            }

            LoopbackServer.DeleteDirectory(work);
        }
    }

    /// <summary>
    /// samples/MinimalApi as it is in the repository (its <c>PublishAot</c>, its policies applied in statements of their own
    /// and as metadata, its JSON context, cookie authentication), copied with its project references made absolute.
    /// </summary>
    [AotFact]
    public async Task The_MinimalApi_sample_publishes_as_native_AOT_without_warnings_and_answers()
    {
        var work = Directory.CreateTempSubdirectory("corsgen-aot-sample-").FullName;
        Process? app = null;
        StringBuilder? output = null;
        try
        {
            var sample = Path.Combine(RepositoryRoot.Path, "samples", "MinimalApi");
            var project = Path.Combine(work, "MinimalApi");
            Directory.CreateDirectory(project);
            foreach (var file in Directory.EnumerateFiles(sample).Where(f => Path.GetExtension(f) is ".cs" or ".html" or ".json"))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            }

            var csproj = await File.ReadAllTextAsync(Path.Combine(sample, "MinimalApi.csproj"));
            var src = Path.Combine(RepositoryRoot.Path, "src") + Path.DirectorySeparatorChar;
            Assert.Contains(@"..\..\src\", csproj, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(project, "MinimalApi.csproj"), csproj.Replace(@"..\..\src\", src, StringComparison.Ordinal));

            var published = await PublishWithoutWarningsAsync(project, work);
            var baseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
            // One partner origin more from the environment, after appsettings.json's three (OriginsFromConfiguration).
            var environment = new Dictionary<string, string> { ["Cors__PartnerOrigins__3"] = "https://env-partner.test" };
            app = DotnetCli.StartProgram(Path.Combine(published, "MinimalApi"), published, environment, ["--urls", baseAddress.ToString()], out output);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await LoopbackServer.WaitUntilListeningAsync(client, app, output, StartTimeout);

            // JSON through the sample's generated context, with the catalog's allow-all policy.
            using (var products = await client.SendWithOriginAsync(HttpMethod.Get, "/catalog/products", "https://any.test"))
            {
                Assert.Equal(HttpStatusCode.OK, products.StatusCode);
                Assert.StartsWith("[{\"id\":1,\"name\":\"Kettle\"", await products.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("*", products.Single("Access-Control-Allow-Origin"));
            }

            // A preflight to an authorized group, answered before authentication by the configured regex entry, compiled at
            // startup in the native executable; and by the entry the environment added.
            using (var fromEnvironment = await client.SendWithOriginAsync(HttpMethod.Options, "/partner/orders", "https://env-partner.test", ("Access-Control-Request-Method", "POST")))
            {
                Assert.Equal("https://env-partner.test", fromEnvironment.Single("Access-Control-Allow-Origin"));
            }

            using (var refused = await client.SendWithOriginAsync(HttpMethod.Options, "/partner/orders", "https://evil.example.com", ("Access-Control-Request-Method", "POST")))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
            }

            using (var preflight = await client.SendWithOriginAsync(HttpMethod.Options, "/partner/orders", "https://eu.partner.example.com", ("Access-Control-Request-Method", "POST")))
            {
                Assert.Equal(HttpStatusCode.OK, preflight.StatusCode);
                Assert.Equal("https://eu.partner.example.com", preflight.Single("Access-Control-Allow-Origin"));
                Assert.Equal("true", preflight.Single("Access-Control-Allow-Credentials"));
            }

            // Its 401 carries the headers; the admin group's policy, applied as metadata in a chain, answers JSON.
            using (var unauthorized = await client.SendWithOriginAsync(HttpMethod.Get, "/partner/orders", "https://eu.partner.example.com"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
                Assert.Equal("https://eu.partner.example.com", unauthorized.Single("Access-Control-Allow-Origin"));
            }

            using (var stats = await client.SendWithOriginAsync(HttpMethod.Get, "/admin/stats", "https://admin.example.com"))
            {
                Assert.Equal("{\"orders\":2,\"revenue\":59.5}", await stats.Content.ReadAsStringAsync());
                Assert.Equal("https://admin.example.com", stats.Single("Access-Control-Allow-Origin"));
            }
        }
        finally
        {
            if (app is not null)
            {
                DotnetCli.Kill(app);
                app.Dispose();
            }

            LoopbackServer.DeleteDirectory(work);
        }
    }

    /// <summary>Publishes <paramref name="project"/> as Native AOT for linux-x64; fails on any IL2xxx/IL3xxx warning.</summary>
    private static async Task<string> PublishWithoutWarningsAsync(string project, string work)
    {
        var published = Path.Combine(work, "published");
        var publish = await DotnetCli.RunAsync(
            project,
            new Dictionary<string, string>(),
            PublishTimeout,
            "publish", "-r", "linux-x64", "-c", "Release", "-o", published, "--artifacts-path", Path.Combine(work, "artifacts"), "--nologo", "--disable-build-servers", "-tl:off");
        Assert.True(publish.ExitCode == 0, $"{Path.GetFileName(project)} does not publish:\n" + publish.Output);
        var warnings = TrimOrAotWarning().Matches(publish.Output).Select(m => m.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, "Trim/AOT warnings:\n" + string.Join("\n", warnings) + "\n" + publish.Output);
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);
        return published;
    }

    [GeneratedRegex(@"warning IL[23]\d{3}[^\r\n]*")]
    private static partial Regex TrimOrAotWarning();
}
