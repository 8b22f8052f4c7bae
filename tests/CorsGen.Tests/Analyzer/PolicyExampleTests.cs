using Microsoft.CodeAnalysis.Testing;

namespace CorsGen.Tests.Analyzer;

/// <summary>
/// CORS047: <c>[KongCorsExample]</c> on a policy class, judged at build time against the compiled policy, reported at the
/// example's origin with the entry that allowed it or why none did.
/// </summary>
public sealed class PolicyExampleTests
{
    [Fact]
    public Task Examples_the_policy_agrees_with_report_nothing() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;

        #pragma warning disable CORS031, CORS043

        [KongCors(Origins = ["https://shop.example.com", @"https://(.+\.)?example\.com", "partner.test", @"[a-z]+\.internal\.test"])]
        [KongCorsExample("https://shop.example.com")]
        [KongCorsExample("https://eu.example.com")]
        [KongCorsExample("http://box.internal.test")]
        [KongCorsExample("https://evilexample.com", Allowed = false)]
        [KongCorsExample("https://shop.example.com:443", Allowed = false)]
        [KongCorsExample("https://example.com.evil.test", Allowed = false)]
        [KongCorsExample("", Allowed = false)]
        public static partial class ShopCors;

        [KongCors]
        [KongCorsExample("https://anyone.test")]
        public static partial class PublicCors;

        [KongCors(Origins = ["https://a.test", "*"])]
        [KongCorsExample("https://z.test")]
        public static partial class StarCors;

        [KongCors(Origins = ["https://admin.example.com"])]
        [KongCorsExample("https://admin.example.com")]
        [KongCorsExample("https://other.example.com", Allowed = false)]
        public static partial class AdminCors;
        """, generatedSources: true);

    [Fact]
    public Task Examples_the_policy_disagrees_with_are_errors_that_say_why() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;

        #pragma warning disable CORS022
        [KongCors(Origins = ["https://shop.example.com", @"https://(.+)?example\.com", @"[a-z]+\.internal\.test"])]
        [KongCorsExample({|#0:"https://evilexample.com"|}, Allowed = false)]
        [KongCorsExample({|#1:"https://shop.example.org"|})]
        [KongCorsExample({|#2:"https://shop.example.com:443"|})]
        [KongCorsExample({|#3:"https://x.test\u00e9"|})]
        [KongCorsExample({|#4:"http://x.internal.test"|}, Allowed = false)]
        public static partial class ShopCors;

        [KongCors(Origins = ["https://admin.example.com"])]
        [KongCorsExample({|#5:"https://other.example.com"|})]
        public static partial class AdminCors;

        [KongCors]
        [KongCorsExample({|#6:"https://evil.test"|}, Allowed = false)]
        public static partial class PublicCors;
        """,
        generatedSources: true,
        expected:
        [
            Error(0, "Example 'https://evilexample.com' is allowed by the policy, not refused: entry 1, 'https://(.+)?example\\.com', matches it (O9)"),
            Error(1, "Example 'https://shop.example.org' is refused by the policy, not allowed: it matches none of the policy's 3 entries (O10)"),
            Error(2, "Example 'https://shop.example.com:443' is refused by the policy, not allowed: entry 0, 'https://shop.example.com', matches it, but the policy sends back its normal form 'https://shop.example.com' (O8)"),
            Error(3, "Example 'https://x.testé' is refused by the policy, not allowed: it is not visible ASCII of at most 4096 characters, so it is treated as absent (D4)"),
            Error(4, "Example 'http://x.internal.test' is allowed by the policy, not refused: entry 2, '[a-z]+\\.internal\\.test', matches it (O9)"),
            Error(5, "Example 'https://other.example.com' is refused by the policy, not allowed: the policy sends its single origin 'https://admin.example.com' whatever the request's (O3)"),
            Error(6, "Example 'https://evil.test' is allowed by the policy, not refused: the policy allows every origin (O1)"),
        ]);

    private static DiagnosticResult Error(int location, string message) =>
        new DiagnosticResult(Diagnostics.ExampleDisagrees).WithLocation(location).WithMessage(message);
}
