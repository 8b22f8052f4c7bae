using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS020: a glob origin becomes the regex of every subdomain (<c>GlobOrigin.GlobToRegex</c>).</summary>
public sealed class GlobToRegexFixTests
{
    [Fact]
    public Task A_regular_string_glob_becomes_the_subdomain_regex_escaped_for_C_sharp() => CodeFixVerifier<GlobToRegexFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS020:"https://*.example{|CORS021:.|}com"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://([a-z0-9-]+\\.)+example\\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task A_verbatim_glob_stays_verbatim() => CodeFixVerifier<GlobToRegexFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", {|CORS020:@"https://*.example{|CORS021:.|}com"|} })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", @"https://([a-z0-9-]+\.)+example\.com" })]
        static partial class P;
        """);

    [Fact]
    public Task A_raw_string_glob_stays_raw() => CodeFixVerifier<GlobToRegexFix>.VerifyAsync(""""
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test", {|CORS020:"""https://*.example{|CORS021:.|}com:8443"""|} })]
        static partial class P;
        """", """"
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test", """https://([a-z0-9-]+\.)+example\.com:8443""" })]
        static partial class P;
        """");

    [Fact]
    public Task A_host_glob_that_is_not_even_a_valid_regex_becomes_a_host_regex() => CodeFixVerifier<GlobToRegexFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS020:"{|CORS001:*|}.example.com"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "([a-z0-9-]+\\.)+example\\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task Fix_all_rewrites_every_glob_of_the_document() => CodeFixVerifier<GlobToRegexFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [{|CORS020:"https://*.example{|CORS021:.|}com"|}, {|CORS020:"https://*.example{|CORS021:.|}org"|}])]
        static partial class P;

        [KongCors(Origins = [{|CORS020:@"http://*.intranet{|CORS021:.|}test"|}, "https://a.test"])]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://([a-z0-9-]+\\.)+example\\.com", "https://([a-z0-9-]+\\.)+example\\.org"])]
        static partial class P;

        [KongCors(Origins = [@"http://([a-z0-9-]+\.)+intranet\.test", "https://a.test"])]
        static partial class Q;
        """);
}
