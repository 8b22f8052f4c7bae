using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS005 (and CORS004): <c>"A, B"</c> as one element becomes the elements <c>"A", "B"</c> when every piece is a token.</summary>
public sealed class SplitCommaSeparatedEntryFixTests
{
    [Fact]
    public Task A_comma_separated_header_list_becomes_one_element_per_header() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = [{|CORS005:"Content-Type, X-Api-Key"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Headers = ["Content-Type", "X-Api-Key"])]
        static partial class P;
        """);

    [Fact]
    public Task The_pieces_take_the_place_of_the_element_in_an_implicit_array() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(ExposedHeaders = new[] { "X-Total-Count", {|CORS005:@"X-Page,X-Per-Page"|}, "X-Request-Id" })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(ExposedHeaders = new[] { "X-Total-Count", @"X-Page", @"X-Per-Page", "X-Request-Id" })]
        static partial class P;
        """);

    [Fact]
    public Task An_explicit_string_array_and_a_multi_line_list_keep_their_layout() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = new string[]
        {
            "Authorization",
            {|CORS005:"X-A ,  X-B"|},
        })]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Headers = new string[]
        {
            "Authorization",
            "X-A", "X-B",
        })]
        static partial class P;
        """);

    [Fact]
    public Task A_comma_separated_method_list_is_split_too() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = [{|CORS004:"GET, POST"|}, "PUT"])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Methods = ["GET", "POST", "PUT"])]
        static partial class P;
        """);

    [Fact]
    public Task A_header_with_spaces_around_it_is_trimmed() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = ["X-A", {|CORS005:" X-B "|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Headers = ["X-A", "X-B"])]
        static partial class P;
        """);

    [Fact]
    public Task Fix_all_splits_every_entry_of_a_list_in_one_pass() => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Headers = [{|CORS005:"X-A, X-B"|}, "X-C", {|CORS005:"X-D,X-E"|}], ExposedHeaders = [{|CORS005:"X-F, X-G"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Headers = ["X-A", "X-B", "X-C", "X-D", "X-E"], ExposedHeaders = ["X-F", "X-G"])]
        static partial class P;
        """);

    [Theory]
    [InlineData("Content Type")]
    [InlineData("X-A, X B")]
    [InlineData("X-A,,X-B")]
    [InlineData("X-A,")]
    [InlineData("X-A; X-B")]
    public Task No_fix_when_a_piece_is_not_a_token(string header) => CodeFixVerifier<SplitCommaSeparatedEntryFix>.VerifyNoFixAsync($$"""
        using CorsGen;
        [KongCors(Headers = ["X-Z", {|CORS005:"{{header}}"|}])]
        static partial class P;
        """);
}
