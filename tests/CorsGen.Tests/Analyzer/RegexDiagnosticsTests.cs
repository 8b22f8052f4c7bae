namespace CorsGen.Tests.Analyzer;

/// <summary>CORS001, CORS002, CORS011: regex entries PCRE2 rejects, constructs no automaton expresses, and the state cap, located inside the literal.</summary>
public sealed class RegexDiagnosticsTests
{
    [Fact]
    public Task CORS001_invalid_pcre_is_reported_at_pcre2s_offset_in_a_regular_string() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://(a{|CORS001:"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS001_offsets_map_through_escapes_of_regular_strings() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a\\.test", "x\\.*{|CORS001:*|}+"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS001_offsets_map_through_verbatim_strings() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [@"https://a\.test", @"[a-\d{|CORS001:]|}\.test"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS001_reports_a_glob_with_pcre2s_message_and_the_glob_hint() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS020:"{|CORS001:*|}.example.com"|}])]
        static partial class P;
        """);

    [Fact]
    public Task CORS002_unsupported_constructs_are_reported_at_the_construct() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [@"https://(a)\.test", @"https://([a-z]+)\.{|CORS002:\1|}\.test", @"https://{|CORS002:(?!evil)|}[a-z]+\.test", @"https://a{|CORS002:++|}\.test"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS002_maps_back_through_kongs_dropped_caret() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [@"^https://([a-z]+)\.test{|CORS002:(?<=x)|}", "https://a.test"])]
        static partial class P;
        """);

    [Fact]
    public Task CORS011_the_state_cap_is_a_warning_on_the_entries_of_the_automaton() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS011:@"https://(a|b)*a(a|b){13}\.test"|}])]
        static partial class P;
        """);

    [Fact]
    public Task Valid_supported_regexes_raise_nothing() => AnalyzerVerifier.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [@"https://(.+\.)?example\.com", @"^http://localhost(:\d+)?$", @"(?i)https://[a-z0-9-]+\.corp\.example\.net", @"https://\w+(-\w+)*\.example\.org\z"], Credentials = true)]
        static partial class P;
        """);
}
