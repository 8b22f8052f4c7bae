using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS021: the '.' the diagnostic is on becomes '\.', or every unescaped dot of the origin at once.</summary>
public sealed class EscapeUnescapedDotFixTests
{
    [Fact]
    public Task The_dot_of_a_verbatim_string_is_escaped() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://shop{|CORS021:.|}example\.com"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://shop\.example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task The_dot_of_a_regular_string_is_escaped_as_C_sharp_needs() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", "https://(eu|us)\\.shop{|CORS021:.|}example\\.com" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", "https://(eu|us)\\.shop\\.example\\.com" })]
        static partial class P;
        """);

    [Fact]
    public Task A_raw_string_stays_raw() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync(""""
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test", """https://shop{|CORS021:.|}example\.com""" })]
        static partial class P;
        """", """"
        using CorsGen;
        [KongCors(Origins = new string[] { "https://a.test", """https://shop\.example\.com""" })]
        static partial class P;
        """");

    [Fact]
    public Task A_multi_line_raw_string_is_reported_whole_and_rewritten_as_verbatim() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS021:"""
            https://shop.example\.com(:8443)?
            """|}])]
        static partial class P;
        """"", """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://shop\.example\.com(:8443)?"])]
        static partial class P;
        """, equivalenceKey: EscapeUnescapedDotFix.EscapeEveryDotKey);

    [Fact]
    public Task Escaping_this_dot_takes_one_fix_per_dot() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://api{|CORS021:.|}shop{|CORS021:.|}example\\.com"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://api\\.shop\\.example\\.com"])]
        static partial class P;
        """, equivalenceKey: EscapeUnescapedDotFix.EscapeThisDotKey, iterations: 2);

    [Fact]
    public Task Escaping_every_dot_of_the_origin_takes_one_fix() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://api{|CORS021:.|}shop{|CORS021:.|}example{|CORS021:.|}com(:8443)?"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://api\.shop\.example\.com(:8443)?"])]
        static partial class P;
        """, equivalenceKey: EscapeUnescapedDotFix.EscapeEveryDotKey, iterations: 1);

    [Fact]
    public Task Fix_all_escapes_every_reported_dot_of_every_origin_in_one_pass() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [@"https://api{|CORS021:.|}shop{|CORS021:.|}example\.com", "https://(www\\.)?blog{|CORS021:.|}example\\.org"])]
        static partial class P;

        [KongCors(Origins = new[] { "https://a.test", @"https://status{|CORS021:.|}example\.net" })]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Origins = [@"https://api\.shop\.example\.com", "https://(www\\.)?blog\\.example\\.org"])]
        static partial class P;

        [KongCors(Origins = new[] { "https://a.test", @"https://status\.example\.net" })]
        static partial class Q;
        """, equivalenceKey: EscapeUnescapedDotFix.EscapeThisDotKey, fixAllIterations: 1);

    [Fact]
    public Task A_dot_that_is_meant_as_any_character_is_not_reported_nor_fixed() => CodeFixVerifier<EscapeUnescapedDotFix>.VerifyNoFixAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(.+\.)?example\.com"])]
        static partial class P;
        """);
}
