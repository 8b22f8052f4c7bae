using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS030: a literal origin is lower-cased whole; a regex only in the upper-case part reported, never in an escape.</summary>
public sealed class LowerCaseOriginFixTests
{
    [Fact]
    public Task A_literal_origin_is_written_in_lower_case() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS030:"https://Shop.Example.com"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", "https://shop.example.com"])]
        static partial class P;
        """);

    [Fact]
    public Task A_verbatim_literal_in_an_explicit_string_array_stays_verbatim() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new string[] { {|CORS030:@"HTTPS://SHOP.EXAMPLE.COM"|}, "https://a.test" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new string[] { @"https://shop.example.com", "https://a.test" })]
        static partial class P;
        """);

    [Fact]
    public Task Only_the_reported_part_of_a_regex_is_lower_cased() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(.+\.)?{|CORS030:E|}xample\.com"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://(.+\.)?example\.com"])]
        static partial class P;
        """);

    [Fact]
    public Task A_class_is_lower_cased_and_the_escapes_around_it_are_not() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", "https://\\w+\\.{|CORS030:[A-Z]|}\\d\\.example\\.com" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new[] { "https://a.test", "https://\\w+\\.[a-z]\\d\\.example\\.com" })]
        static partial class P;
        """);

    [Fact]
    public Task Each_fix_lower_cases_the_part_reported_next_and_fix_all_repeats_until_none_is_left() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://{|CORS030:S|}hop\.Example\.com"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://shop\.example\.com"])]
        static partial class P;
        """, iterations: 2, fixAllIterations: 2);

    [Fact]
    public Task Fix_all_lower_cases_every_origin_of_the_document() => CodeFixVerifier<LowerCaseOriginFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [{|CORS030:"https://Shop.example.com"|}, {|CORS030:"https://Blog.example.com"|}, @"https://(.+\.)?{|CORS030:E|}xample\.org"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://shop.example.com", "https://blog.example.com", @"https://(.+\.)?example\.org"])]
        static partial class P;
        """);

    [Fact]
    public Task A_part_written_as_an_escape_is_not_fixed() => CodeFixVerifier<LowerCaseOriginFix>.VerifyNoFixAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", @"https://{|CORS030:\x53|}hop\.example\.com"])]
        static partial class P;
        """);

    [Theory]
    [InlineData("E", "e")]
    [InlineData("[A-Z]", "[a-z]")]
    [InlineData(@"[\DA-F]", @"[\Da-f]")]
    [InlineData(@"\W", @"\W")]
    [InlineData(@"\x4A", @"\x4A")]
    [InlineData(@"\x{4A}", @"\x{4A}")]
    [InlineData(@"\p{Lu}", @"\p{Lu}")]
    [InlineData(@"\pL", @"\pL")]
    [InlineData(@"\cA", @"\cA")]
    [InlineData(@"\QAB\E", @"\Qab\E")]
    public void Letters_of_escapes_are_never_lower_cased(string part, string lowered) =>
        Assert.Equal(lowered, LowerCaseOriginFix.LowerOutsideEscapes(part));
}
