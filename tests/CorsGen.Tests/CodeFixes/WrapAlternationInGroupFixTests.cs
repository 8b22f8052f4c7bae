using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS023: <c>a|b</c> becomes <c>(?:a|b)</c>, anchors kept outside the group.</summary>
public sealed class WrapAlternationInGroupFixTests
{
    [Fact]
    public Task A_regular_string_is_wrapped_and_stays_regular() => CodeFixVerifier<WrapAlternationInGroupFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://c.test", {|CORS023:"https://a\\.example\\.com|https://b\\.example\\.com"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://c.test", "(?:https://a\\.example\\.com|https://b\\.example\\.com)"])]
        static partial class P;
        """);

    [Fact]
    public Task A_leading_caret_and_a_trailing_dollar_stay_outside_the_group() => CodeFixVerifier<WrapAlternationInGroupFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new[] { "https://c.test", {|CORS023:@"^https://a\.example\.com|https://b\.example\.com$"|} })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new[] { "https://c.test", @"^(?:https://a\.example\.com|https://b\.example\.com)$" })]
        static partial class P;
        """);

    [Fact]
    public Task A_host_only_alternation_in_an_explicit_string_array_is_wrapped() => CodeFixVerifier<WrapAlternationInGroupFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = new string[] { {|CORS023:@"a\.example\.com|b\.example\.com"|}, "https://c.test" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = new string[] { @"(a\.example\.com|b\.example\.com)", "https://c.test" })]
        static partial class P;
        """);

    [Fact]
    public Task A_raw_string_stays_raw() => CodeFixVerifier<WrapAlternationInGroupFix>.VerifyAsync(""""
        using CorsGen;
        [KongCors(Origins = ["https://c.test", {|CORS023:"""https://a\.example\.com|https://b\.example\.com"""|}])]
        static partial class P;
        """", """"
        using CorsGen;
        [KongCors(Origins = ["https://c.test", """(?:https://a\.example\.com|https://b\.example\.com)"""])]
        static partial class P;
        """");

    [Fact]
    public Task Fix_all_wraps_every_alternation_of_the_document() => CodeFixVerifier<WrapAlternationInGroupFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [{|CORS023:@"https://a\.example\.com|https://b\.example\.com"|}, {|CORS023:@"https://c\.example\.com|https://d\.example\.com"|}])]
        static partial class P;

        [KongCors(Origins = ["https://e.test", {|CORS023:@"https://f\.example\.com|https://g\.example\.com"|}])]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Origins = [@"(?:https://a\.example\.com|https://b\.example\.com)", @"(?:https://c\.example\.com|https://d\.example\.com)"])]
        static partial class P;

        [KongCors(Origins = ["https://e.test", @"(?:https://f\.example\.com|https://g\.example\.com)"])]
        static partial class Q;
        """);

    [Theory]
    [InlineData("x:a|b", "(?:x:a|b)")]
    [InlineData("^x:a|b", "^(?:x:a|b)")]
    [InlineData("x:a|b$", "(?:x:a|b)$")]
    [InlineData("^x:a|b$", "^(?:x:a|b)$")]
    [InlineData(@"x:a|b\$", @"(?:x:a|b\$)")]
    [InlineData(@"x:a|b\\$", @"(?:x:a|b\\)$")]
    [InlineData("a|b", "(a|b)")]
    [InlineData("^a|b$", "^(a|b)$")]
    public void Anchors_at_either_end_stay_outside(string entry, string wrapped) =>
        Assert.Equal(wrapped, WrapAlternationInGroupFix.Wrap(entry));
}
