using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS042: the repeated element is removed with its comma, the list kept well formatted.</summary>
public sealed class RemoveDuplicateEntryFixTests
{
    [Fact]
    public Task The_last_element_goes_with_the_comma_before_it() => CodeFixVerifier<RemoveDuplicateEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = ["https://a.test", {|CORS042:"https://a.test:443"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Origins = ["https://a.test"])]
        static partial class P;
        """);

    [Fact]
    public Task An_element_in_the_middle_goes_with_the_comma_after_it() => CodeFixVerifier<RemoveDuplicateEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = new[] { "GET", {|CORS042:"GET"|}, "POST" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Methods = new[] { "GET", "POST" })]
        static partial class P;
        """);

    [Fact]
    public Task A_multi_line_list_keeps_one_element_per_line() => CodeFixVerifier<RemoveDuplicateEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = new string[]
        {
            "X-A",
            {|CORS042:"x-a"|},
            "X-B"
        })]
        static partial class P;

        [KongCors(ExposedHeaders =
        [
            "X-C",
            {|CORS042:"X-C"|}
        ])]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Headers = new string[]
        {
            "X-A",
            "X-B"
        })]
        static partial class P;

        [KongCors(ExposedHeaders =
        [
            "X-C"
        ])]
        static partial class Q;
        """);

    [Fact]
    public Task A_duplicate_regex_and_a_duplicate_constant_are_removed() => CodeFixVerifier<RemoveDuplicateEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Origins = [Origins.Shop, @"https://(.+\.)?a\.test", {|CORS042:Origins.Shop|}, {|CORS042:@"https://(.+\.)?a\.test"|}])]
        static partial class P;

        static class Origins
        {
            public const string Shop = "https://shop.example.com";
        }
        """, """
        using CorsGen;
        [KongCors(Origins = [Origins.Shop, @"https://(.+\.)?a\.test"])]
        static partial class P;

        static class Origins
        {
            public const string Shop = "https://shop.example.com";
        }
        """);

    [Fact]
    public Task Fix_all_removes_every_repetition_of_a_list_in_one_pass() => CodeFixVerifier<RemoveDuplicateEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = ["X-A", {|CORS042:"x-a"|}, "X-B", {|CORS042:"X-A"|}, {|CORS042:"X-B"|}], Methods = ["GET", {|CORS042:"GET"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Headers = ["X-A", "X-B"], Methods = ["GET"])]
        static partial class P;
        """);
}
