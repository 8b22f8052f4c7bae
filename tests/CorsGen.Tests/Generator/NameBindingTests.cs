using System.Reflection;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Generator;

/// <summary>
/// CorsGen's own namespace names framework types without <c>global::</c>, through <c>using</c> directives inside it.
/// Nothing a user's project declares or imports may change what those names mean.
/// </summary>
public sealed class NameBindingTests
{
    /// <summary>Policies that make the generated code use every kind of name: list, long list, both automata forms, NFA, headers.</summary>
    private const string Policies = """
        using CorsGen;

        namespace Shop;

        [KongCors(Origins = ["https://shop.example.com", "partner.test", @"https://(.+\.)?example\.com", @"[a-z]+\.internal\.test"], Credentials = false)]
        public static partial class MixedCors;

        #pragma warning disable CORS011
        [KongCors(Origins = [@"https://(a|b)*a(a|b){5}\.test", @"(x|y)*x(x|y){12}\.test"], Credentials = true, PrivateNetwork = true)]
        internal static partial class AutomataCors;
        """;

    /// <summary>Global usings that bring in types named like the framework's, aliases that shadow them, and look-alikes.</summary>
    private const string HostileNames = """
        global using System.Net.Http;
        global using System.Threading;
        global using Microsoft.AspNetCore.Http.HttpResults;
        global using static System.Math;
        global using Task = System.String;
        global using HttpContext = System.Object;
        global using ILogger = System.Object;
        global using Func = System.Object;
        global using Shop.Lookalikes;

        public sealed class KongCorsRuntime { }
        public sealed class KongCorsRules { }
        public sealed class KongCorsPolicy { }
        public sealed class KongCorsConfiguredOrigins { }
        public sealed class ReadOnlySpan<T> { }
        public sealed class StringValues { }
        public sealed class SearchValues { }
        public sealed class GeneratedCodeAttribute : System.Attribute { }

        public static class LookalikeExtensions
        {
            public static int IndexOf(this System.ReadOnlySpan<char> text, char value) => throw new System.InvalidOperationException("the user's IndexOf");
            public static bool StartsWith(this System.ReadOnlySpan<char> text, string value) => throw new System.InvalidOperationException("the user's StartsWith");
        }

        namespace Shop.Lookalikes
        {
            public sealed class Results { }
            public sealed class EndpointBuilder { }
            public sealed class IMiddleware { }
            public sealed class ArrayPool<T> { }
        }

        namespace CorsGen
        {
            public sealed class Task { }
            public sealed class HttpRequest { }
        }
        """;

    [Fact]
    public void Global_usings_and_look_alike_types_do_not_change_the_generated_code()
    {
        var assembly = GeneratorRunner.CompileAndLoad(Policies, HostileNames);

        // The generated code bound to the framework's own types: it compiled cleanly, and it answers as the policies say.
        Assert.Equal("https://a.example.com", AllowOrigin(assembly, "Shop.MixedCors", "https://a.example.com"));
        Assert.Equal("http://a.internal.test", AllowOrigin(assembly, "Shop.MixedCors", "http://a.internal.test"));
        Assert.Null(AllowOrigin(assembly, "Shop.MixedCors", "https://other.test"));
        Assert.Equal("https://babbbbb.test", AllowOrigin(assembly, "Shop.AutomataCors", "https://babbbbb.test"));
        Assert.Null(AllowOrigin(assembly, "Shop.AutomataCors", "https://abbbbbb.test"));
    }

    [Theory]
    [InlineData("System")]
    [InlineData("Microsoft")]
    [InlineData("Microsoft.Shop.Api")]
    [InlineData("System.Shop")]
    [InlineData("My-Shop.2026")]
    public void An_assembly_named_like_a_framework_namespace_compiles(string assemblyName)
    {
        // Compiled, not loaded: an assembly named System cannot be loaded beside the real one.
        var (output, result) = GeneratorRunner.Generate(GeneratorRunner.CreateCompilation([Policies], assemblyName));
        Assert.Contains(result.GeneratedTrees, tree => tree.FilePath.EndsWith("Shop.MixedCors.KongCors.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    private static string? AllowOrigin(Assembly assembly, string policy, string origin) =>
        (string?)assembly.GetType(policy, throwOnError: true)!.GetMethod("GetAllowOrigin")!.Invoke(null, [origin]);
}
