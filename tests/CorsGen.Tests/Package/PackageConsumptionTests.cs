using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Package;

/// <summary>
/// SLOW (about a minute or two; it runs the real <c>dotnet</c> CLI): packs CorsGen with
/// <c>dotnet pack</c>, then proves that a brand-new <c>dotnet new web</c> project consumes the
/// package by version from a local feed: it builds with the generated code, serves a preflight
/// over HTTP on loopback, and fails to build with CORS003 for a <c>*</c> + credentials policy.
/// </summary>
/// <remarks>
/// The consumer restores into its own empty <c>NUGET_PACKAGES</c> folder, so a CorsGen of the
/// same version cached by an earlier run (or an earlier build) can never be picked up: the package
/// under test is the one just packed, at the version users will reference. The pack builds into
/// its own artifacts folder, leaving the repository's bin/ and obj/ alone.
/// </remarks>
[Trait("Category", "Slow")]
public sealed class PackageConsumptionTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private const string ShopOrigin = "https://shop.example.com";

    [Fact]
    public async Task A_new_web_project_builds_serves_and_is_checked_with_the_packed_package()
    {
        var version = RepositoryRoot.Version;
        var work = Directory.CreateTempSubdirectory("corsgen-package-test-").FullName;
        Process? app = null;
        StringBuilder? appOutput = null;
        try
        {
            var feed = Path.Combine(work, "feed");
            var nupkg = await PackAsync(work, feed, version);
            AssertPackageContents(nupkg, version);

            var packages = Path.Combine(work, "packages");
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
            var project = await CreateConsumerAsync(work, feed, version, environment);

            var build = await DotnetCli.RunAsync(project, environment, BuildTimeout, "build", "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(build.ExitCode == 0, "The consumer does not build:\n" + build.Output);
            AssertRestoredFromTheFeed(packages, feed, nupkg, version);
            AssertGeneratedCode(project, version);

            var port = LoopbackServer.FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            app = DotnetCli.Start(project, environment, ["run", "--no-build", "--no-launch-profile", "--urls", baseAddress.ToString()], out appOutput);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await LoopbackServer.WaitUntilListeningAsync(client, app, appOutput, StartTimeout);
            await AssertPreflightAnsweredAsync(client);
            await AssertConfiguredOriginsAsync(client);
            DotnetCli.Kill(app);

            await File.WriteAllTextAsync(Path.Combine(project, "LeakyCors.cs"), """
                using CorsGen;

                [KongCors(Origins = ["*"], Credentials = true)]
                internal static partial class LeakyCors;
                """);
            var leaky = await DotnetCli.RunAsync(project, environment, BuildTimeout, "build", "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(leaky.ExitCode != 0, "A * + credentials policy built:\n" + leaky.Output);
            var errors = Regex.Matches(leaky.Output, @"error ([A-Z]+[0-9]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.True(errors.SequenceEqual(["CORS003"]), $"Expected only CORS003, got [{string.Join(", ", errors)}]:\n{leaky.Output}");
            Assert.Contains("LeakyCors.cs(3,", leaky.Output, StringComparison.Ordinal);
            File.Delete(Path.Combine(project, "LeakyCors.cs"));

            // build/CorsGen.props makes appsettings*.json visible to the analyzer: a bad configured entry is a build error
            // at its string in the file; with CorsGenCheckAppSettings=false the build leaves the file to startup.
            await File.WriteAllTextAsync(Path.Combine(project, "appsettings.Production.json"), """
                {
                  "Cors": {
                    "Partners": [ "https://partner.example.com", "https://(eu|us.partner.example.com" ]
                  }
                }
                """);
            var badSettings = await DotnetCli.RunAsync(project, environment, BuildTimeout, "build", "--nologo", "--disable-build-servers", "-tl:off");
            Assert.True(badSettings.ExitCode != 0, "A bad entry in appsettings.Production.json built:\n" + badSettings.Output);
            Assert.Contains("appsettings.Production.json(3,50): error CORS001: Origin 'https://(eu|us.partner.example.com' is not a valid PCRE2 regex", badSettings.Output, StringComparison.Ordinal);
            var optedOut = await DotnetCli.RunAsync(project, environment, BuildTimeout, "build", "--nologo", "--disable-build-servers", "-tl:off", "-p:CorsGenCheckAppSettings=false");
            Assert.True(optedOut.ExitCode == 0, "CorsGenCheckAppSettings=false still checks appsettings:\n" + optedOut.Output);
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

    /// <summary><c>dotnet pack</c> of the package project, as CI or a release would run it.</summary>
    private static async Task<string> PackAsync(string work, string feed, string version)
    {
        var packageProject = Path.Combine(RepositoryRoot.Path, "src", "CorsGen.Package", "CorsGen.Package.csproj");
        var pack = await DotnetCli.RunAsync(
            RepositoryRoot.Path,
            new Dictionary<string, string>(),
            BuildTimeout,
            "pack", packageProject, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(work, "artifacts"), "--nologo", "--disable-build-servers", "-tl:off");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        Assert.DoesNotContain(": warning ", pack.Output, StringComparison.OrdinalIgnoreCase);

        var nupkg = Assert.Single(Directory.GetFiles(feed));
        Assert.Equal($"CorsGen.{version}.nupkg", Path.GetFileName(nupkg));
        return nupkg;
    }

    /// <summary>Exactly the generator, its code fixes, the libraries, the readme and the license; System.Memory for netstandard2.0 alone.</summary>
    private static void AssertPackageContents(string nupkg, string version)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal);
        // The code fixes join the analyzer in analyzers/dotnet/cs, where IDEs look for both.
        Assert.Equal(
            [
                "CorsGen.nuspec",
                "LICENSE",
                "README.md",
                "analyzers/dotnet/cs/CorsGen.CodeFixes.dll",
                "analyzers/dotnet/cs/CorsGen.dll",
                "build/CorsGen.props",
                "lib/net8.0/CorsGen.Attributes.dll",
                "lib/net8.0/CorsGen.Attributes.xml",
                "lib/net8.0/CorsGen.Runtime.dll",
                "lib/net8.0/CorsGen.Runtime.xml",
                "lib/netstandard2.0/CorsGen.Attributes.dll",
                "lib/netstandard2.0/CorsGen.Attributes.xml",
            ],
            files);

        using (var nuspecStream = zip.GetEntry("CorsGen.nuspec")!.Open())
        {
            // NuGet picks the nuspec schema by the features the package uses (a dependency's exclude attribute: 2013/05).
            var root = XDocument.Load(nuspecStream).Root!;
            var ns = root.Name.Namespace;
            Assert.StartsWith("http://schemas.microsoft.com/packaging/", ns.NamespaceName, StringComparison.Ordinal);
            var metadata = root.Element(ns + "metadata")!;
            Assert.Equal("CorsGen", metadata.Element(ns + "id")!.Value);
            Assert.Equal(version, metadata.Element(ns + "version")!.Value);
            Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
            Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.Equal("https://github.com/corsgen/CorsGen", metadata.Element(ns + "repository")!.Attribute("url")!.Value);
            Assert.Equal("cors kong aspnetcore source-generator roslyn analyzer", metadata.Element(ns + "tags")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
            Assert.Null(metadata.Element(ns + "developmentDependency"));

            // One dependency, System.Memory for lib/netstandard2.0 (spans); none for .NET 8+: not Roslyn, not a
            // CorsGen.Attributes package.
            var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(
                g => g.Attribute("targetFramework")!.Value,
                g => g.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList());
            Assert.Equal(["System.Memory"], groups[".NETStandard2.0"]);
            Assert.Empty(groups["net8.0"]);
        }

        // What .NET 8+ apps compile against is built for .NET 8 and says it is trimmable (IsAotCompatible implies it); the
        // netstandard2.0 build cannot say so.
        var net8 = AssemblyAttributes(Entry(zip, "lib/net8.0/CorsGen.Attributes.dll"));
        Assert.Contains(("System.Runtime.Versioning.TargetFrameworkAttribute", ".NETCoreApp,Version=v8.0"), net8);
        Assert.Contains(("System.Reflection.AssemblyMetadataAttribute", "IsTrimmable=True"), net8);
        Assert.DoesNotContain(AssemblyAttributes(Entry(zip, "lib/netstandard2.0/CorsGen.Attributes.dll")), a => a.Value.StartsWith("IsTrimmable", StringComparison.Ordinal));
        var runtime = AssemblyAttributes(Entry(zip, "lib/net8.0/CorsGen.Runtime.dll"));
        Assert.Contains(("System.Runtime.Versioning.TargetFrameworkAttribute", ".NETCoreApp,Version=v8.0"), runtime);
        Assert.Contains(("System.Reflection.AssemblyMetadataAttribute", "IsTrimmable=True"), runtime);

        // The analyzer never references Workspaces (the compiler does not provide it); the code fixes may.
        var analyzer = CompilerCompatibilityTests.AssemblyReferences(Entry(zip, "analyzers/dotnet/cs/CorsGen.dll"));
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", analyzer.Keys);
        CompilerCompatibilityTests.AssertLoadsInTheNet8Compiler(analyzer);
        CompilerCompatibilityTests.AssertLoadsInARoslyn48Ide(CompilerCompatibilityTests.AssemblyReferences(Entry(zip, "analyzers/dotnet/cs/CorsGen.CodeFixes.dll")));
    }

    /// <summary>An assembly's target framework and metadata attributes: (type, "framework") or (type, "key=value").</summary>
    private static List<(string Type, string Value)> AssemblyAttributes(Stream image)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(image);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var found = new List<(string, string)>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != System.Reflection.Metadata.HandleKind.MemberReference)
            {
                continue;
            }

            var parent = reader.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor).Parent;
            var type = reader.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)parent);
            var name = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            if (name is "System.Reflection.AssemblyMetadataAttribute")
            {
                found.Add((name, blob.ReadSerializedString() + "=" + blob.ReadSerializedString()));
            }
            else if (name is "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                found.Add((name, blob.ReadSerializedString() ?? ""));
            }
        }

        return found;
    }

    private static MemoryStream Entry(ZipArchive zip, string name)
    {
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// <c>dotnet new web</c> in a folder of its own, with a <c>nuget.config</c> above it that adds the
    /// feed (the machine's usual sources stay: no &lt;clear/&gt;), CorsGen referenced by version
    /// as the README says, and a policy applied to a route group.
    /// </summary>
    private static async Task<string> CreateConsumerAsync(string work, string feed, string version, IReadOnlyDictionary<string, string> environment)
    {
        var root = Path.Combine(work, "consumer");
        var project = Path.Combine(root, "Shop");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="corsgen-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        var created = await DotnetCli.RunAsync(root, environment, QuickTimeout, "new", "web", "--name", "Shop", "--output", project, "--no-restore");
        Assert.True(created.ExitCode == 0, "dotnet new web failed:\n" + created.Output);

        var csprojPath = Path.Combine(project, "Shop.csproj");
        var csproj = XDocument.Load(csprojPath);
        csproj.Root!.Add(
            new XElement("PropertyGroup", new XElement("EmitCompilerGeneratedFiles", "true")),
            new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "CorsGen"), new XAttribute("Version", version))));
        csproj.Save(csprojPath);

        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), $$"""
            using CorsGen;

            var app = WebApplication.CreateBuilder(args).Build();

            var api = app.MapGroup("/api").WithShopCors();
            api.MapGet("/items", () => new[] { "kettle", "mug" });
            api.MapPost("/items", (Item item) => Results.Created($"/api/items/{item.Name}", item));
            app.MapGroup("/partners").WithKongCors(PartnerCors.Policy).MapGet("/feed", () => "feed");

            app.Run();

            record Item(string Name);

            [KongCors(
                Origins = ["{{ShopOrigin}}", "http://localhost:3000"],
                Methods = ["GET", "POST"],
                Headers = ["Content-Type"],
                Credentials = true,
                MaxAge = 600)]
            internal static partial class ShopCors;

            [KongCors(OriginsFromConfiguration = "Cors:Partners", Methods = ["GET"])]
            internal static partial class PartnerCors;
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "appsettings.json"), """
            {
              "Cors": {
                "Partners": [ "https://partner.example.com", "https://(eu|us)\\.partner\\.example\\.com" ]
              }
            }
            """);
        return project;
    }

    /// <summary>The restored CorsGen is the one just packed, from the feed.</summary>
    private static void AssertRestoredFromTheFeed(string packages, string feed, string nupkg, string version)
    {
        var restored = Path.Combine(packages, "corsgen", version.ToLowerInvariant());
        Assert.True(File.Exists(Path.Combine(restored, "analyzers", "dotnet", "cs", "CorsGen.dll")), "CorsGen was not restored into " + restored);
        Assert.Equal(File.ReadAllBytes(nupkg), File.ReadAllBytes(Path.Combine(restored, $"corsgen.{version.ToLowerInvariant()}.nupkg")));
        var metadata = File.ReadAllText(Path.Combine(restored, ".nupkg.metadata"));
        Assert.Contains(feed.Replace("\\", "\\\\", StringComparison.Ordinal), metadata, StringComparison.Ordinal);
    }

    /// <summary>The generator ran in the consumer's build, and its code names the package's version.</summary>
    private static void AssertGeneratedCode(string project, string version)
    {
        var generated = Directory.GetFiles(Path.Combine(project, "obj"), "ShopCors.KongCors.g.cs", SearchOption.AllDirectories);
        var text = File.ReadAllText(Assert.Single(generated));
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"CorsGen\", \"{version}\")]", text, StringComparison.Ordinal);
    }

    /// <summary>The README's preflight: Kong's answer, from the code generated in the consumer.</summary>
    /// <summary>OriginsFromConfiguration through the package's CorsGen.Runtime: the regex entry of appsettings.json answers.</summary>
    private static async Task AssertConfiguredOriginsAsync(HttpClient client)
    {
        foreach (var (origin, allowed) in new[] { ("https://eu.partner.example.com", true), ("https://partner.example.com", true), ("https://evil.example.com", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/partners/feed");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            using var response = await client.SendAsync(preflight);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(allowed ? origin : null, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null);
        }
    }

    private static async Task AssertPreflightAnsweredAsync(HttpClient client)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/items");
        preflight.Headers.Add("Origin", ShopOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShopOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
        Assert.Equal("GET,POST", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("Content-Type", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.Equal("600", Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")));
        Assert.Contains("Origin", response.Headers.Vary);

        using var actual = new HttpRequestMessage(HttpMethod.Get, "/api/items");
        actual.Headers.Add("Origin", ShopOrigin);
        using var answer = await client.SendAsync(actual);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(ShopOrigin, Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("kettle", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
