using System.Reflection;
using CorsGen.Emit;
using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>
/// O8, O9 for lists longer than <see cref="RequestPathEmitter.MaxSwitchLiterals"/>: the literals are matched by a
/// binary search over a sorted array instead of a switch, and must give exactly the switch's answers.
/// </summary>
public sealed class LongLiteralListTests
{
    private const int Count = 300;

    // Entries in no particular order, some written in forms that normalize (default port, explicit port), a
    // duplicate, a scheme-less entry (O8: matches only that exact string) and a regex after them.
    private static readonly string[] Entries =
    [
        .. Enumerable.Range(0, Count).Select(i => $"https://app{(i * 37) % Count}.example.com"),
        "https://a.test:443",
        "http://b.test:8080",
        "https://app7.example.com",
        "d.test",
        @"https://(.+\.)?regex\.test",
    ];

    private static readonly Lazy<(Assembly Assembly, string Source)> Compiled = new(Compile);

    [Fact]
    public void A_long_list_is_searched_and_a_short_one_is_a_switch()
    {
        var source = Compiled.Value.Source;
        Assert.Contains(".FindLiteral(Literals, domain)", source);
        Assert.Contains($"the {Count + 2 + 1} literal entries", source);

        var shortList = GeneratorRunner.GeneratedSources(GeneratorRunner.Generate(GeneratorRunner.CreateCompilation([
            PolicySource("ShortList", Entries.Take(RequestPathEmitter.MaxSwitchLiterals))])).Result);
        var shortSource = Assert.Single(shortList, s => s.Key.Contains("ShortList")).Value;
        Assert.Contains("switch (domain)", shortSource);
        Assert.DoesNotContain("FindLiteral", shortSource);
    }

    [Fact]
    public void Every_literal_entry_matches_in_its_normal_form()
    {
        for (var i = 0; i < Count; i++)
        {
            var origin = $"https://app{i}.example.com";
            Assert.Equal(origin, GetAllowOrigin(origin));
            Assert.Equal(origin, GetAllowOrigin(origin + ":443"));
        }

        Assert.Equal("https://a.test", GetAllowOrigin("https://a.test"));
        Assert.Equal("https://a.test", GetAllowOrigin("https://a.test:443"));
        Assert.Equal("http://b.test:8080", GetAllowOrigin("http://b.test:8080"));
        Assert.Equal("d.test", GetAllowOrigin("d.test"));
        Assert.Equal("https://x.regex.test", GetAllowOrigin("https://x.regex.test"));
    }

    [Theory]
    [InlineData("https://app300.example.com")]
    [InlineData("https://app1.example.co")]
    [InlineData("https://app1.example.comm")]
    [InlineData("https://app1.example.com.evil.test")]
    [InlineData("http://app1.example.com")]
    [InlineData("https://APP1.example.com")]
    [InlineData("https://a.test:8443")]
    [InlineData("http://b.test")]
    [InlineData("https://d.test")]
    [InlineData("https://")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_origins_match_nothing(string? origin) => Assert.Null(GetAllowOrigin(origin));

    [Fact]
    public void The_search_allocates_nothing()
    {
        string[] origins = ["https://app0.example.com", "https://app299.example.com", "https://app300.example.com", "https://x.regex.test"];
        foreach (var origin in origins)
        {
            GetAllowOrigin(origin);
        }

        var match = (Func<string?, string?>)Delegate.CreateDelegate(typeof(Func<string?, string?>), GetAllowOriginMethod);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            match(origins[i % origins.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static MethodInfo GetAllowOriginMethod =>
        Compiled.Value.Assembly.GetType("LongLists.LongList", throwOnError: true)!.GetMethod("GetAllowOrigin")!;

    private static string? GetAllowOrigin(string? origin) => (string?)GetAllowOriginMethod.Invoke(null, [origin]);

    private static string PolicySource(string name, IEnumerable<string> entries) => $$"""
        using CorsGen;

        namespace LongLists;

        #pragma warning disable CORS031, CORS042 // the scheme-less entry and the duplicate are on purpose
        [KongCors(Origins = [{{string.Join(", ", entries.Select(e => "@\"" + e + "\""))}}])]
        public static partial class {{name}};
        """;

    private static (Assembly, string) Compile()
    {
        var source = PolicySource("LongList", Entries);
        var generated = GeneratorRunner.GeneratedSources(GeneratorRunner.Generate(GeneratorRunner.CreateCompilation([source])).Result);
        return (GeneratorRunner.CompileAndLoad(source), Assert.Single(generated, s => s.Key.Contains("LongList")).Value);
    }
}
