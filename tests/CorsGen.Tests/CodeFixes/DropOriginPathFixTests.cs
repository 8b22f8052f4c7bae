using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS033: the path or trailing slash of a literal origin is dropped.</summary>
public sealed class DropOriginPathFixTests
{
    [Fact]
    public Task A_trailing_slash_is_dropped() => CodeFixVerifier<DropOriginPathFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://shop.example.com{|CORS033:/|}"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://shop.example.com"])]
        static partial class P;
        """);

    [Fact]
    public Task A_path_after_a_port_is_dropped_and_a_verbatim_string_stays_verbatim() => CodeFixVerifier<DropOriginPathFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new[] { @"http://localhost:3000{|CORS033:/app/index|}" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new[] { @"http://localhost:3000" })]
        static partial class P;
        """);

    [Fact]
    public Task Fix_all_drops_every_path_of_the_document() => CodeFixVerifier<DropOriginPathFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test{|CORS033:/|}", "https://b.test{|CORS033:/app|}" })]
        static partial class P;

        [KongCors(Origins = ["https://c.test{|CORS033:/c/d/|}", "https://d.test"])]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test", "https://b.test" })]
        static partial class P;

        [KongCors(Origins = ["https://c.test", "https://d.test"])]
        static partial class Q;
        """);
}
