using CorsGen.CodeFixes;

namespace CorsGen.Tests.CodeFixes;

/// <summary>CORS034: a method that is not upper-case is written in upper case.</summary>
public sealed class UpperCaseMethodFixTests
{
    [Fact]
    public Task A_method_is_written_in_upper_case() => CodeFixVerifier<UpperCaseMethodFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = ["GET", {|CORS034:"patch"|}])]
        static partial class P;
        """, """
        using CorsGen;
        [KongCors(Methods = ["GET", "PATCH"])]
        static partial class P;
        """);

    [Fact]
    public Task Verbatim_and_raw_methods_keep_their_form() => CodeFixVerifier<UpperCaseMethodFix>.VerifyAsync(""""
        using CorsGen;
        [KongCors(Methods = new[] { {|CORS034:@"Put"|}, {|CORS034:"""delete"""|} })]
        static partial class P;
        """", """"
        using CorsGen;
        [KongCors(Methods = new[] { @"PUT", """DELETE""" })]
        static partial class P;
        """");

    [Fact]
    public Task Fix_all_upper_cases_every_method_of_the_document() => CodeFixVerifier<UpperCaseMethodFix>.VerifyAsync("""
        using CorsGen;
        [KongCors(Methods = new string[] { "GET", {|CORS034:"patch"|}, {|CORS034:"Put"|} })]
        static partial class P;

        [KongCors(Methods = [{|CORS034:"post"|}])]
        static partial class Q;
        """, """
        using CorsGen;
        [KongCors(Methods = new string[] { "GET", "PATCH", "PUT" })]
        static partial class P;

        [KongCors(Methods = ["POST"])]
        static partial class Q;
        """);
}
