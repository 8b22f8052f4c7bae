namespace CorsGen.Tests.Analyzer;

/// <summary>The diagnostics of the foundation: each at the exact argument or element that causes it.</summary>
public sealed class FoundationDiagnosticsTests
{
    [Fact]
    public Task CORS003_star_origin_with_credentials_is_reported_on_the_star() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [{|CORS043:"https://a.test"|}, {|CORS003:"*"|}], Credentials = true)]
        static partial class P;
        """);

    [Fact]
    public Task CORS003_unset_origins_with_credentials_is_reported_on_credentials() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = ["GET"], {|CORS003:Credentials = true|})]
        static partial class P;
        """);

    [Fact]
    public Task CORS003_empty_origins_with_credentials_is_reported_on_origins() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors({|CORS003:Origins = []|}, Credentials = true)]
        static partial class P;
        """);

    [Fact]
    public Task CORS003_can_be_suppressed_like_any_configurable_error() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        #pragma warning disable CORS003
        [KongCors(Origins = ["*"], Credentials = true)]
        static partial class P;
        """);

    [Fact]
    public Task CORS004_invalid_method_tokens_are_reported_on_the_element() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = ["GET", {|CORS004:"GET, POST"|}, {|CORS004:""|}, {|CORS004:"PÜT"|}, "PURGE"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS005_invalid_header_names_are_reported_on_the_element() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = ["Content-Type", {|CORS005:"X-A, X-B"|}], ExposedHeaders = [{|CORS005:"X-Total Count"|}, "X-Ok"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS005_works_with_array_creation_syntax_too() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = new[] { "Content-Type", {|CORS005:"X-A:B"|} }, ExposedHeaders = new string[] { {|CORS005:"X\tY"|} })]
        static partial class P;
        """);

    [Fact]
    public Task CORS006_negative_max_age_is_reported_on_the_argument() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors({|CORS006:MaxAge = -1|})]
        static partial class P;
        """);

    [Fact]
    public Task CORS007_a_class_that_is_not_partial_is_reported_on_its_name() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors]
        static class {|CORS007:P|} { }
        """);

    [Fact]
    public Task CORS007_a_class_that_is_not_static_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors]
        partial class {|CORS007:P|} { }
        """);

    [Fact]
    public Task CORS007_a_generic_class_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors]
        static partial class {|CORS007:P|}<T> { }
        """);

    [Fact]
    public Task CORS007_a_class_nested_in_a_non_partial_type_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        class Outer
        {
            [KongCors]
            internal static partial class {|CORS007:P|} { }
        }
        """);

    [Fact]
    public Task CORS007_a_private_nested_class_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        partial class Outer
        {
            [KongCors]
            private static partial class {|CORS007:P|} { }
        }
        """);

    [Fact]
    public Task CORS008_an_empty_origin_entry_is_reported_on_the_element() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS008:""|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS009_a_language_version_before_11_is_reported() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;
        [{|CORS009:KongCors|}]
        static partial class P { }
        """,
        Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);

    [Fact]
    public Task CORS010_a_project_without_aspnetcore_is_told_what_is_not_generated() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;
        [{|CORS010:KongCors|}]
        static partial class P;
        """,
        aspNetCore: false);

    [Fact]
    public Task Good_policies_raise_nothing() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;

        namespace Shop
        {
            [KongCors(Methods = ["GET", "HEAD"], MaxAge = 600)]
            public static partial class CatalogCors;

            [KongCors(
                Origins = ["https://partner.example.com", "https://shop.partner.test:8443", "http://localhost:3000"],
                Methods = ["GET", "POST", "PUT", "DELETE"],
                Headers = ["Content-Type", "Authorization", "X-Request-Id"],
                ExposedHeaders = ["X-Request-Id", "X-Total-Count"],
                Credentials = true,
                MaxAge = 3600)]
            public static partial class PartnerCors;

            [KongCors(Origins = ["https://admin.example.com"], Methods = ["GET", "PATCH"], Credentials = true, AllowOriginAbsent = false)]
            public static partial class AdminCors;

            public static partial class Api
            {
                [KongCors(Origins = [@"foo\.test", @"(.+\.)?bar\.test", "http://localhost:3000"], PreflightContinue = true, ExposedHeaders = ["X-Total"])]
                internal static partial class NestedCors { }

                [KongCors(Origins = [@"https://([a-z0-9-]+\.)+example\.com", @"http://localhost:\d{2,5}"], Credentials = true, PrivateNetwork = true, MaxAge = 7200)]
                internal static partial class RegexCors;
            }
        }
        """);
}
