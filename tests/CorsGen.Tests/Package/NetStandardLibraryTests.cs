using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Package;

/// <summary>
/// SLOW (about half a minute; it runs the real <c>dotnet</c> CLI): CORS010 promises that a project without ASP.NET Core
/// still gets <c>GetAllowOrigin</c> and <c>Evaluate</c>. A <c>netstandard2.0</c> class library (C# 11, warnings as
/// errors, CORS010 turned off as its page says) holds policies that use every matcher form, and a <c>net8.0</c>
/// console app, published self-contained so it runs on the .NET 8 runtime, calls them: the generated code builds for
/// netstandard2.0 and answers as Kong would, with the framework-free core (CorsGen.Attributes and System.Memory) alone.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NetStandardLibraryTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(6);

    private const string LibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <LangVersion>11</LangVersion>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- CORS010: no ASP.NET Core here, and GetAllowOrigin and Evaluate are all this library needs. -->
            <NoWarn>$(NoWarn);CORS010</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{src}/CorsGen/CorsGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{src}/CorsGen.Attributes/CorsGen.Attributes.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string LibraryPolicies = """
        using CorsGen;

        namespace PolicyLib;

        // O1: every origin.
        [KongCors]
        public static partial class AnyCors { }

        // A literal list, a host-only regex with a run of one-char states, and a class-switch automaton.
        [KongCors(Origins = new[] { "https://shop.example.com", "http://localhost:3000", @"[a-z]+\.internal\.test", @"https://(a|b)*a(a|b){5}\.test" })]
        public static partial class MixedCors { }

        #pragma warning disable CORS011
        [KongCors(Origins = new[] { @"(x|y)*x(x|y){12}\.test" }, Credentials = true)]
        public static partial class NfaCors { }
        """;

    private const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net8.0</TargetFramework>
            <Nullable>enable</Nullable>
            <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
            <SelfContained>true</SelfContained>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../PolicyLib/PolicyLib.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string AppProgram = """
        using System;
        using PolicyLib;

        Console.WriteLine("runtime " + Environment.Version);
        Console.WriteLine("any " + AnyCors.GetAllowOrigin("https://anything.test"));
        Console.WriteLine("literal " + MixedCors.GetAllowOrigin("https://shop.example.com:443"));
        Console.WriteLine("host " + MixedCors.GetAllowOrigin("http://eu.internal.test"));
        Console.WriteLine("switch " + MixedCors.GetAllowOrigin("https://babbbbb.test"));
        Console.WriteLine("refused " + (MixedCors.GetAllowOrigin("https://abbbbbb.test") ?? "none"));
        Console.WriteLine("nfa " + NfaCors.GetAllowOrigin("https://xyyyyyyyyyyyy.test"));
        var decision = MixedCors.Evaluate("OPTIONS", "https://evil.example.com", "GET", "X-A");
        Console.WriteLine("decision " + decision.OriginAllowed + " " + decision.Reason + " " + decision.ClosestEntry);
        Console.WriteLine("headers " + string.Join(";", decision.Headers));
        """;

    [Fact]
    public async Task A_netstandard2_library_gets_GetAllowOrigin_and_Evaluate_without_aspnetcore()
    {
        var work = Directory.CreateTempSubdirectory("corsgen-netstandard-test-").FullName;
        try
        {
            var src = Path.Combine(RepositoryRoot.Path, "src");
            var library = Path.Combine(work, "PolicyLib");
            var app = Path.Combine(work, "ConsoleApp");
            Directory.CreateDirectory(library);
            Directory.CreateDirectory(app);
            await File.WriteAllTextAsync(Path.Combine(library, "PolicyLib.csproj"), LibraryProject.Replace("{src}", src, StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(library, "Policies.cs"), LibraryPolicies);
            await File.WriteAllTextAsync(Path.Combine(app, "ConsoleApp.csproj"), AppProject);
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), AppProgram);

            var published = Path.Combine(work, "published");
            var publish = await DotnetCli.RunAsync(
                app,
                new Dictionary<string, string>(),
                PublishTimeout,
                "publish", "-c", "Release", "-o", published, "--artifacts-path", Path.Combine(work, "artifacts"), "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(publish.ExitCode == 0, "The netstandard2.0 library and its console app do not publish:\n" + publish.Output);

            // The library was built for netstandard2.0 and references no ASP.NET Core.
            var references = AssemblyReferences(Path.Combine(published, "PolicyLib.dll"));
            Assert.Contains("netstandard", references);
            Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name == "CorsGen.Runtime");

            var run = await DotnetCli.RunProgramAsync(Path.Combine(published, "ConsoleApp"), published, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, run.Output);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith("runtime 8.0.", lines[0], StringComparison.Ordinal);
            Assert.Equal(
                [
                    "any *",
                    "literal https://shop.example.com",
                    "host http://eu.internal.test",
                    "switch https://babbbbb.test",
                    "refused none",
                    "nfa https://xyyyyyyyyyyyy.test",
                    "decision False OriginNotListed 0",
                    "headers [Vary, Origin];[Access-Control-Allow-Headers, X-A];[Access-Control-Allow-Methods, GET,HEAD,PUT,PATCH,POST,DELETE]",
                ],
                lines.Skip(1));
        }
        finally
        {
            LoopbackServer.DeleteDirectory(work);
        }
    }

    private static List<string> AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var image = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(image);
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }
}
