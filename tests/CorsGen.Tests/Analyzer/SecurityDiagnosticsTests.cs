namespace CorsGen.Tests.Analyzer;

/// <summary>CORS020-CORS026: policies that let attackers in, each with a positive case (exact span) and a negative one.</summary>
public sealed class SecurityDiagnosticsTests
{
    [Fact]
    public Task CORS020_a_glob_looking_regex_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS020:"https://*.example{|CORS021:.|}com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS020_a_real_subdomain_regex_is_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://([a-z0-9-]+\.)+example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS021_an_unescaped_dot_in_a_regex_host_is_reported_at_the_dot() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(www|api){|CORS021:.|}example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS021_dots_meant_as_wildcards_are_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://.+\.example\.com", @"https://[a-z.]+\.example\.org"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS022_a_suffix_without_a_label_boundary_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS022:@"https://.*example\.com"|}, {|CORS022:@".*example\.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS022_a_suffix_after_a_dot_is_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(.+\.)?example\.com", @"(.*\.)?example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS023_an_alternation_anchored_only_at_its_end_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS023:@"https://a\.example\.com|https://b\.example\.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS023_a_grouped_alternation_is_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(?:a|b)\.example\.com", @"^https://a\.example\.com$|^https://b\.example\.com$"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS024_null_and_file_origins_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS024:"null"|}, {|CORS024:"file://"|}, {|CORS024:{|CORS024:@"(?:.*)"|}|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS025_plain_http_origins_with_credentials_are_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS025:"http://shop.example.com"|}, {|CORS025:@"https?://shop\.example\.org"|}, {|CORS025:@"shop\.example\.net"|}], Credentials = true)]
        static partial class P;
        """);

    [Fact]
    public Task CORS025_loopback_http_origins_and_https_are_fine_with_credentials() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "http://localhost:3000", "http://127.0.0.1:8080", @"http://localhost:\d+", @"https://(.+\.)?example\.com", "http://app.localhost"], Credentials = true)]
        static partial class P;
        """);

    [Fact]
    public Task CORS025_plain_http_without_credentials_is_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "http://shop.example.com"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS026_private_network_for_every_origin_is_reported() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors({|CORS026:PrivateNetwork = true|})]
        static partial class P;
        """);

    [Fact]
    public Task CORS026_private_network_for_listed_origins_is_fine() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://intranet.example.com", "https://admin.example.com"], PrivateNetwork = true)]
        static partial class P;
        """);
}
