using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CorsGen.Tests.Analyzer;

/// <summary>CORS030-CORS045 and CORS012: policies that compile but cannot work as written.</summary>
public sealed class CorrectnessDiagnosticsTests
{
    [Fact]
    public Task CORS030_upper_case_in_a_literal_origin_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS030:"https://Shop.example.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS030_upper_case_in_a_regex_literal_part_is_reported_at_the_part() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(.+\.)?{|CORS030:E|}xample\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS030_case_insensitive_regexes_and_lower_case_are_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"(?i)https://(.+\.)?Example\.com", @"https://[\w-]+\.example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS031_a_scheme_less_literal_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS031:"example.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS032_a_host_only_regex_with_a_slash_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS032:@"https?//shop\.example\.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS033_a_path_or_trailing_slash_is_reported_at_the_path() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test{|CORS033:/|}", "https://b.test{|CORS033:/app|}"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS034_a_method_that_is_not_upper_case_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = ["GET", {|CORS034:"patch"|}, {|CORS034:"Put"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS035_forbidden_methods_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = ["GET", {|CORS035:"TRACE"|}, {|CORS035:"CONNECT"|}, {|CORS035:"TRACK"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS036_forbidden_and_misplaced_header_names_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = ["Content-Type", {|CORS036:"Cookie"|}, {|CORS036:"Sec-Fetch-Mode"|}, {|CORS036:"Access-Control-Allow-Origin"|}],
                  ExposedHeaders = ["X-Total", {|CORS036:"Access-Control-Request-Method"|}, {|CORS036:"Access-Control-Max-Age"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS036_is_only_an_info_for_kongs_documented_headers_example() => AnalyzerVerifier.VerifyAsync(
        """
        using CorsGen;
        [KongCors(Headers = ["Accept", "Accept-Version", {|#0:"Content-Length"|}, "Content-MD5", "Content-Type", {|#1:"Date"|}, "X-Auth-Token"])]
        static partial class P;
        """,
        expected:
        [
            new DiagnosticResult(Diagnostics.ForbiddenHeader).WithSeverity(DiagnosticSeverity.Info).WithLocation(0)
                .WithMessage("Headers entry 'Content-Length' is a forbidden request header, which only the browser sets"),
            new DiagnosticResult(Diagnostics.ForbiddenHeader).WithSeverity(DiagnosticSeverity.Info).WithLocation(1)
                .WithMessage("Headers entry 'Date' is a forbidden request header, which only the browser sets"),
        ]);

    [Fact]
    public Task CORS037_set_cookie_exposed_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(ExposedHeaders = ["X-Total", {|CORS037:"Set-Cookie"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS038_star_in_headers_with_credentials_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://b.test"], Credentials = true, Headers = [{|CORS038:"*"|}], ExposedHeaders = [{|CORS038:"*"|}], Methods = ["GET", {|CORS038:"*"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS038_star_without_credentials_is_a_real_wildcard() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = ["*", "Authorization"], ExposedHeaders = ["*"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS039_and_CORS040_long_max_ages_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors({|CORS039:MaxAge = 100000|})]
        static partial class P;

        [KongCors({|CORS040:MaxAge = 7201|})]
        static partial class Q;

        [KongCors(MaxAge = 7200)]
        static partial class R;
        """);

    [Fact]
    public Task CORS041_preflight_settings_with_preflight_continue_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://b.test"], PreflightContinue = true, {|CORS041:Methods = ["GET"]|}, {|CORS041:Headers = ["X-A"]|}, {|CORS041:MaxAge = 60|}, {|CORS041:PrivateNetwork = true|}, ExposedHeaders = ["X-B"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS042_duplicates_are_reported_on_the_repetition() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS042:"https://a.test:443"|}, @"a\.test", {|CORS042:@"a\.test"|}],
                  Methods = ["GET", {|CORS042:"GET"|}],
                  Headers = ["X-A", {|CORS042:"x-a"|}],
                  ExposedHeaders = ["X-B", {|CORS042:"X-B"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS043_every_entry_beside_star_is_reported_before_or_after_it() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [{|CORS043:"https://a.test"|}, "*", {|CORS043:"https://b.test"|}, {|CORS043:@"https://(.+\.)?c\.test"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS044_a_regex_that_matches_nothing_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS044:@"https://a\.test\zb"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS044_a_regex_that_matches_only_text_no_origin_has_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS044:@"https://shop\.example\.com/app"|}, {|CORS044:@"https://user@shop\.example\.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS046_star_without_authorization_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://b.test"], Headers = ["Content-Type", {|CORS046:"*"|}])]
        static partial class P;

        [KongCors(Origins = ["https://a.test", "https://b.test"], Headers = ["*", "authorization"])]
        static partial class Q;
        """);

    [Fact]
    public Task CORS045_empty_methods_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors({|CORS045:Methods = []|})]
        static partial class P;
        """);

    [Fact]
    public Task CORS012_two_cors_mechanisms_in_one_chain_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        using Microsoft.AspNetCore.Builder;

        [KongCors(Origins = ["https://a.test", "https://b.test"])]
        static partial class ACors;

        [KongCors(Origins = ["https://c.test", "https://d.test"])]
        static partial class BCors;

        static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapGroup("/one").WithACors().{|CORS012:WithBCors|}();
                app.MapGroup("/two").WithACors().RequireAuthorization().{|CORS012:RequireCors|}("named");
                app.MapGroup("/three").WithACors().RequireAuthorization();
                app.MapGroup("/four").WithKongCors(ACors.Policy).{|CORS012:WithKongCors|}(BCors.Policy);
                app.MapGroup("/five").WithKongCors(ACors.Policy).{|CORS012:RequireCors|}("named");
                app.MapGroup("/six").WithKongCors(ACors.Policy).RequireAuthorization();
            }
        }
        """, generatedSources: true);

    [Fact]
    public Task CORS012_a_policy_attribute_next_to_EnableCors_or_DisableCors_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        [KongCors(Origins = ["https://a.test", "https://b.test"])]
        public static partial class ShopCors;

        [{|CORS012:ShopCors|}, EnableCors("named")]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet, {|CORS012:ShopCors|}, DisableCors]
            public string List() => "orders";

            [HttpPost, ShopCors]
            public string Create() => "created";
        }
        """, generatedSources: true);
    [Fact]
    public Task CORS013_a_CorsGen_policy_named_where_ASP_NET_Core_or_YARP_expects_its_own_policy_name_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;
        using Yarp.ReverseProxy.Configuration;

        namespace Shop
        {
            [KongCors(Origins = ["https://a.test", "https://b.test"])]
            public static partial class ShopCors;

            [EnableCors({|CORS013:"ShopCors"|})]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet, EnableCors({|CORS013:"Shop.ShopCors"|})]
                public string List() => "orders";

                // ASP.NET Core's own policies, and names that only look alike, are left alone.
                [HttpPost, EnableCors("Legacy")]
                public string Create() => "created";

                [HttpPut, EnableCors("shopcors")]
                public string Update() => "updated";

                [HttpDelete, EnableCors("Other.ShopCors")]
                public string Delete() => "deleted";
            }

            public static class Routes
            {
                private const string Name = "ShopCors";

                public static void Map(WebApplication app, string fromConfiguration)
                {
                    app.UseCors({|CORS013:Name|});
                    app.MapGet("/a", () => "a").RequireCors({|CORS013:"ShopCors"|});
                    app.MapGet("/b", () => "b").RequireCors("Legacy");
                    app.MapGet("/c", () => "c").RequireCors(fromConfiguration);
                    var route = new RouteConfig { RouteId = "r", CorsPolicy = {|CORS013:"ShopCors"|} };
                    route = route with { CorsPolicy = "default" };
                }
            }
        }

        namespace Yarp.ReverseProxy.Configuration
        {
            // The shape of YARP's route (Yarp.ReverseProxy is not referenced by the analyzer tests).
            public sealed record RouteConfig
            {
                public string RouteId { get; init; } = "";

                public string? CorsPolicy { get; init; }
            }
        }
        """, generatedSources: true);
}
