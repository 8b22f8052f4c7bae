namespace CorsGen.Tests.Oracle;

/// <summary>Checks that the oracle itself behaves as PCRE2 is documented to, so a broken binding cannot pass for agreement.</summary>
public class Pcre2OracleTests
{
    [Fact]
    public void Rejects_a_glob_with_pcre2s_own_error()
    {
        var result = Pcre2.TryCompile("*.example.com");
        Assert.False(result.Ok);
        Assert.Equal(109, result.ErrorCode);
        Assert.Equal("quantifier does not follow a repeatable item", result.Message);
        Assert.Equal(0, result.ErrorOffset);
    }

    [Fact]
    public void Anchored_match_starts_at_offset_zero_and_dollar_allows_a_final_newline()
    {
        using var regex = Pcre2.Create(@"(.*[./])?foo\.test$");
        Assert.True(regex.IsAnchoredMatch("http://foo.test"));
        Assert.True(regex.IsAnchoredMatch("foo.test\n"));
        Assert.False(regex.IsAnchoredMatch("foo.test.evil"));

        using var unanchoredEnd = Pcre2.Create(@"foo\.test|bar\.test$");
        Assert.True(unanchoredEnd.IsAnchoredMatch("foo.test.evil.com"));
        Assert.False(unanchoredEnd.IsAnchoredMatch("xfoo.test"));
    }
}
