using System.Diagnostics;
using System.Net;
using System.Text;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Package;

/// <summary>
/// SLOW (about a minute; it runs the real <c>dotnet</c> CLI): CorsGen promises .NET 8 and C# 11. A <c>net8.0</c>
/// web app with <c>LangVersion</c> 11 and warnings as errors, whose policies make the generated code use every
/// optional runtime helper (literal list, long literal list, a host-only regex with a run of one-char states, a
/// class-switch automaton, an NFA past the state cap, reflected request headers), is published self-contained
/// for linux-x64, so it runs on the .NET 8 runtime whatever SDK builds it, and answers over HTTP on loopback.
/// </summary>
[Trait("Category", "Slow")]
public sealed class Net8RuntimeTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <LangVersion>11</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
            <SelfContained>true</SelfContained>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{src}/CorsGen/CorsGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{src}/CorsGen.Attributes/CorsGen.Attributes.csproj" />
            <ProjectReference Include="{src}/CorsGen.Runtime/CorsGen.Runtime.csproj" />
          </ItemGroup>
        </Project>
        """;

    private static readonly string Program = $$"""
        using CorsGen;

        var app = WebApplication.Create(args);
        app.UseKongCors();
        app.MapGet("/", () => "up");
        app.MapGet("/runtime", () => Environment.Version.ToString());
        app.MapGet("/mixed/items", () => "kettle").WithMixedCors();
        app.MapGet("/long/items", () => "kettle").WithKongCors(LongListCors.Policy);
        app.MapGet("/nfa/items", () => "kettle").WithNfaCors();
        app.MapGet("/configured/items", () => "kettle").WithConfiguredCors();
        app.Run();

        // C# 11: arrays as new[] { ... }, classes with bodies.
        [KongCors(Origins = new[] { "https://shop.example.com", @"[a-z]+\.internal\.test", @"https://(a|b)*a(a|b){5}\.test" }, MaxAge = 600)]
        internal static partial class MixedCors { }

        [KongCors(Origins = new[] { {{string.Join(", ", Enumerable.Range(0, 129).Select(i => $"\"https://s{i}.example.com\""))}} }, Headers = new[] { "Content-Type" })]
        internal static partial class LongListCors { }

        #pragma warning disable CORS011
        [KongCors(Origins = new[] { @"(x|y)*x(x|y){12}\.test" })]
        internal static partial class NfaCors { }

        // Issue 15: CorsGen.Runtime (net8.0) reads these from the environment at startup.
        [KongCors(Origins = new[] { "https://shop.example.com" }, OriginsFromConfiguration = "Cors:Origins")]
        internal static partial class ConfiguredCors { }
        """;

    [Fact]
    public async Task A_net8_app_on_the_net8_runtime_answers_with_every_runtime_helper()
    {
        var work = Directory.CreateTempSubdirectory("corsgen-net8-test-").FullName;
        Process? app = null;
        StringBuilder? output = null;
        try
        {
            var project = Path.Combine(work, "Net8App");
            Directory.CreateDirectory(project);
            await File.WriteAllTextAsync(Path.Combine(project, "Net8App.csproj"), Project.Replace("{src}", Path.Combine(RepositoryRoot.Path, "src"), StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), Program);

            var published = Path.Combine(work, "published");
            var publish = await DotnetCli.RunAsync(
                project,
                new Dictionary<string, string>(),
                PublishTimeout,
                "publish", "-c", "Release", "-o", published, "--artifacts-path", Path.Combine(work, "artifacts"), "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(publish.ExitCode == 0, "The net8.0 app does not publish:\n" + publish.Output);

            var baseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
            var environment = new Dictionary<string, string> { ["Cors__Origins"] = @"https://partner.example.com, [a-z]+\.tenant\.test, (x|y)*x(x|y){12}\.nfa\.test" };
            app = DotnetCli.StartProgram(Path.Combine(published, "Net8App"), published, environment, ["--urls", baseAddress.ToString()], out output);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await LoopbackServer.WaitUntilListeningAsync(client, app, output, StartTimeout);

            Assert.StartsWith("8.0.", await client.GetStringAsync("/runtime"), StringComparison.Ordinal);

            // A class-switch automaton (no match state: one Latin-1 search up front), reflected request headers (D4, P2).
            using (var preflight = await client.SendWithOriginAsync(HttpMethod.Options, "/mixed/items", "https://babbbbb.test", ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "X-A, X-B")))
            {
                Assert.Equal(HttpStatusCode.OK, preflight.StatusCode);
                Assert.Equal("https://babbbbb.test", preflight.Single("Access-Control-Allow-Origin"));
                Assert.Equal("X-A, X-B", preflight.Single("Access-Control-Allow-Headers"));
                Assert.Equal("600", preflight.Single("Access-Control-Max-Age"));
            }

            // The host-only regex with a run of one-char states ("internal.test"), and a near miss.
            await AssertAllowOriginAsync(client, "/mixed/items", "http://a.internal.test", "http://a.internal.test");
            await AssertAllowOriginAsync(client, "/mixed/items", "http://a.internal.tes", null);
            await AssertAllowOriginAsync(client, "/mixed/items", "https://abbbbbb.test", null);

            // The binary search of a long literal list.
            await AssertAllowOriginAsync(client, "/long/items", "https://s128.example.com", "https://s128.example.com");
            await AssertAllowOriginAsync(client, "/long/items", "https://s129.example.com", null);

            // The NFA simulation past the DFA state cap.
            await AssertAllowOriginAsync(client, "/nfa/items", "https://xyyyyyyyyyyyy.test", "https://xyyyyyyyyyyyy.test");
            await AssertAllowOriginAsync(client, "/nfa/items", "https://yyyyyyyyyyyyy.test", null);

            // Origins from configuration: a compiled entry, then the configured literal, host regex and NFA-sized regex.
            await AssertAllowOriginAsync(client, "/configured/items", "https://shop.example.com", "https://shop.example.com");
            await AssertAllowOriginAsync(client, "/configured/items", "https://partner.example.com", "https://partner.example.com");
            await AssertAllowOriginAsync(client, "/configured/items", "http://eu.tenant.test", "http://eu.tenant.test");
            await AssertAllowOriginAsync(client, "/configured/items", "https://xyyyyyyyyyyyy.nfa.test", "https://xyyyyyyyyyyyy.nfa.test");
            await AssertAllowOriginAsync(client, "/configured/items", "https://evil.example.com", null);
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

    private static async Task AssertAllowOriginAsync(HttpClient client, string path, string origin, string? expected)
    {
        using var response = await client.SendWithOriginAsync(HttpMethod.Get, path, origin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Single("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
    }
}
