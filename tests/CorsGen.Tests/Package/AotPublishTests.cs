using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Package;

/// <summary>
/// SLOW (about a minute; Native AOT): a minimal API published with <c>PublishAot</c> for linux-x64, with a regex policy,
/// <c>UseKongCors()</c> and a policy from a library project, each applied inside a fluent chain with ASP.NET Core's own
/// <c>WithMetadata(new ShopCorsAttribute())</c>, which the Request Delegate Generator can see (a generated
/// <c>WithShopCors()</c> it cannot, and the chain's <c>Map*</c> calls then warn IL2026/IL3050). Zero IL warnings; the
/// native binary answers on loopback.
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
            <ProjectReference Include="../PartnerLib/PartnerLib.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string AppProgram = """
        using CorsGen;

        var app = WebApplication.CreateSlimBuilder(args).Build();
        app.UseKongCors();
        app.MapGet("/", () => "up");
        var api = app.MapGroup("/api").WithMetadata(new ShopCorsAttribute());
        api.MapGet("/items", () => "kettle,mug");
        api.MapPost("/items", () => "created");
        app.MapGroup("/partner").WithMetadata(new PartnerLib.PartnerCorsAttribute()).MapGet("/feed", () => "feed");
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

            var published = Path.Combine(work, "published");
            var publish = await DotnetCli.RunAsync(
                project,
                new Dictionary<string, string>(),
                PublishTimeout,
                "publish", "-r", "linux-x64", "-c", "Release", "-o", published, "--artifacts-path", Path.Combine(work, "artifacts"), "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(publish.ExitCode == 0, "The AOT app does not publish:\n" + publish.Output);
            var warnings = TrimOrAotWarning().Matches(publish.Output).Select(m => m.Value).Distinct().ToList();
            Assert.True(warnings.Count == 0, "Trim/AOT warnings:\n" + string.Join("\n", warnings) + "\n" + publish.Output);
            Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);

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

    [GeneratedRegex(@"warning IL[23]\d{3}[^\r\n]*")]
    private static partial Regex TrimOrAotWarning();
}
