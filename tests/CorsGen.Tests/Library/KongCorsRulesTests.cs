namespace CorsGen.Tests.Library;

/// <summary>
/// <see cref="KongCorsRules"/>, the primitives every generated policy calls, tested directly: the D4 limits on what may be
/// reflected, O8 normalization on the forms a browser never sends, and the small helpers the generated matchers use.
/// The generated request path over them is tested through HTTP (Rules/, Kong/) and against PCRE2 (Emit/).
/// </summary>
public sealed class KongCorsRulesTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("https://a.test", "https://a.test")]
    [InlineData("!~", "!~")]
    [InlineData("https://a.test ", null)]
    [InlineData("https://a.test\r\nX: y", null)]
    [InlineData("https://\u00e9.test", null)]
    [InlineData("https://a.test\u007f", null)]
    public void D4_an_origin_is_reflected_only_as_visible_ascii(string? origin, string? expected) =>
        Assert.Equal(expected, KongCorsRules.ValidOrigin(origin));

    [Fact]
    public void D4_an_origin_of_4096_chars_is_valid_and_one_more_is_not()
    {
        var longest = "https://" + new string('a', KongCorsRules.MaxReflectedLength - 8);
        Assert.Same(longest, KongCorsRules.ValidOrigin(longest));
        Assert.Null(KongCorsRules.ValidOrigin(longest + "a"));
    }

    [Theory]
    [InlineData("X-A", true)]
    [InlineData("X-A, X-B", true)]
    [InlineData(" X-A ,\tX-B ", true)]
    [InlineData("content-type,authorization", true)]
    [InlineData("!#$%&'*+-.^_`|~", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("X-A,", false)]
    [InlineData(",X-A", false)]
    [InlineData("X-A,,X-B", false)]
    [InlineData("X A", false)]
    [InlineData("X-A\r\nSet-Cookie: a=b", false)]
    [InlineData("X-\u00e9", false)]
    [InlineData("(X)", false)]
    public void D4_request_headers_are_reflected_only_as_a_list_of_header_names(string? value, bool expected) =>
        Assert.Equal(expected, KongCorsRules.IsHeaderNameList(value));

    [Fact]
    public void D4_a_header_list_of_4096_chars_is_valid_and_one_more_is_not()
    {
        var longest = new string('a', KongCorsRules.MaxReflectedLength);
        Assert.True(KongCorsRules.IsHeaderNameList(longest));
        Assert.False(KongCorsRules.IsHeaderNameList(longest + "a"));
    }

    [Theory]
    [InlineData("https://a.test", "https://a.test", "a.test")]
    [InlineData("https://a.test:443", "https://a.test", "a.test")]
    [InlineData("http://a.test:80", "http://a.test", "a.test")]
    [InlineData("https://a.test:80", "https://a.test:80", "a.test")]
    [InlineData("HTTPS://a.test:443", "HTTPS://a.test:443", "a.test")]
    [InlineData("https://A.Test", "https://A.Test", "A.Test")]
    [InlineData("https://user:pw@a.test:443/path?q#f", "https://a.test", "a.test")]
    [InlineData("https://[::1]:8080", "https://::1:8080", "::1")]
    [InlineData("null", "null", "null")]
    [InlineData("a.test", "a.test", "a.test")]
    [InlineData("https://", "https://", "https://")]
    [InlineData("https://a.test/x", "https://a.test", "a.test")]
    public void O8_normalization_drops_userinfo_path_brackets_and_default_ports_and_lower_cases_nothing(string origin, string domain, string host)
    {
        KongCorsRules.Normalize(origin, out var actualDomain, out var actualHost);
        Assert.Equal(domain, actualDomain.ToString());
        Assert.Equal(host, actualHost.ToString());
        Assert.Equal(domain, KongCorsRules.AllowOriginFor(origin, actualDomain));
    }

    [Fact]
    public void O8_a_normal_origin_is_sent_back_as_the_header_itself()
    {
        const string origin = "https://a.test";
        KongCorsRules.Normalize(origin, out var domain, out _);
        Assert.Same(origin, KongCorsRules.AllowOriginFor(origin, domain));
    }

    [Fact]
    public void Long_literal_lists_are_searched_in_ordinal_order()
    {
        string[] sorted = ["https://a.test", "https://b.test", "https://c.test"];
        Assert.Same(sorted[1], KongCorsRules.FindLiteral(sorted, "https://b.test"));
        Assert.Null(KongCorsRules.FindLiteral(sorted, "https://B.test"));
        Assert.Null(KongCorsRules.FindLiteral(sorted, "https://d.test"));
        Assert.Null(KongCorsRules.FindLiteral([], "https://a.test"));
    }

    [Fact]
    public void The_matcher_helpers_compare_ordinally()
    {
        Assert.True(KongCorsRules.IsLatin1("https://\u00ff.test"));
        Assert.False(KongCorsRules.IsLatin1("https://\u0100.test"));
        Assert.True(KongCorsRules.StartsWith("https://a.test", "https://"));
        Assert.False(KongCorsRules.StartsWith("HTTPS://a.test", "https://"));
        Assert.True(KongCorsRules.EndsWith("https://a.test", ".test"));
        Assert.False(KongCorsRules.EndsWith("https://a.tes", ".test"));
        Assert.Equal(8, KongCorsRules.CommonPrefixLength("https://a.test", "https://b.test"));
        Assert.Equal(0, KongCorsRules.CommonPrefixLength("", "https://b.test"));
    }

    [Fact]
    public void MatchedPrefix_stops_where_the_automaton_dies()
    {
        // The DFA of "ab": state 0 -a-> 1 -b-> 2 (match), everything else to 3 (dead); classes: a=0, b=1, else=2.
        var classes = new string('\u0002', 128).ToCharArray();
        classes['a'] = '\u0000';
        classes['b'] = '\u0001';
        var transitions = "\u0001\u0003\u0003" + "\u0003\u0002\u0003" + "\u0002\u0002\u0002" + "\u0003\u0003\u0003";
        Assert.Equal(1, KongCorsRules.MatchedPrefix("ax", new string(classes), 3, transitions, 0, 3, 2));
        Assert.Equal(3, KongCorsRules.MatchedPrefix("abx", new string(classes), 3, transitions, 0, 3, 2));
        Assert.Equal(0, KongCorsRules.MatchedPrefix("\u00e9", new string(classes), 3, transitions, 0, 3, 2));
    }
}
