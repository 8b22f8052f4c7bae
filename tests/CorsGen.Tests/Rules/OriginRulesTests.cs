using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>O1-O5, O8-O10: which Access-Control-Allow-Origin a request gets, and Vary.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class OriginRulesTests(RulePoliciesFixture policies)
{
    [Fact]
    public async Task O1_allow_all_sends_star_and_no_vary()
    {
        using var actual = await policies.Get("AllowAll", "https://anyone.test");
        Assert.Equal("*", actual.Single("Access-Control-Allow-Origin"));
        Assert.Null(actual.Single("Vary"));

        using var preflight = await policies.Preflight("AllowAll", "https://anyone.test");
        Assert.Equal("*", preflight.Single("Access-Control-Allow-Origin"));
        Assert.Null(preflight.Single("Vary"));
    }

    [Fact]
    public async Task O1_empty_origins_list_allows_all()
    {
        using var response = await policies.Get("EmptyLists", "https://anyone.test");
        Assert.Equal("*", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("*", policies.GetAllowOrigin("EmptyLists", null));
    }

    [Fact]
    public async Task O1_allow_all_answers_requests_without_origin()
    {
        using var response = await policies.Get("AllowAll", null);
        Assert.Equal("*", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task O2_vary_origin_on_every_response_even_without_origin_or_match()
    {
        using var noOrigin = await policies.Get("LiteralList", null);
        Assert.Equal(["Origin"], noOrigin.Values("Vary"));

        using var noMatch = await policies.Get("LiteralList", "https://evil.test");
        Assert.Equal(["Origin"], noMatch.Values("Vary"));

        using var single = await policies.Get("SingleLiteral", "https://evil.test");
        Assert.Equal(["Origin"], single.Values("Vary"));
    }

    [Theory]
    [InlineData("https://a.test")]
    [InlineData("https://evil.test")]
    [InlineData(null)]
    public async Task O3_single_literal_is_echoed_for_any_origin(string? origin)
    {
        using var response = await policies.Get("SingleLiteral", origin);
        Assert.Equal("https://a.test:443", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("https://a.test:443", policies.GetAllowOrigin("SingleLiteral", origin));
    }

    [Fact]
    public async Task O5_star_in_a_list_answers_star_even_to_an_origin_an_earlier_entry_matches()
    {
        using var other = await policies.Get("ListWithWildcard", "https://anyone.test");
        Assert.Equal("*", other.Single("Access-Control-Allow-Origin"));
        Assert.Equal(["Origin"], other.Values("Vary"));

        // Kong meets the '*' while it reads the list, before it matches "https://a.test" (listed first).
        using var listed = await policies.Get("ListWithWildcard", "https://a.test");
        Assert.Equal("*", listed.Single("Access-Control-Allow-Origin"));
        Assert.Equal("*", policies.GetAllowOrigin("ListWithWildcard", "https://a.test"));

        using var preflight = await policies.Preflight("ListWithWildcard", "https://a.test");
        Assert.Equal("*", preflight.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task O5_star_in_a_list_needs_an_origin()
    {
        using var response = await policies.Get("ListWithWildcard", null);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
        Assert.Equal(["Origin"], response.Values("Vary"));
    }

    [Theory]
    [InlineData("http://b.test:8080", "http://b.test:8080")]
    [InlineData("http://c.test", "http://c.test")]
    [InlineData("http://c.test:80", "http://c.test")]
    [InlineData("https://a.test:443", "https://a.test")]
    [InlineData("https://user:pw@a.test", "https://a.test")]
    [InlineData("https://a.test/some/path?q=1#f", "https://a.test")]
    [InlineData("d.test", "d.test")]
    [InlineData("HTTPS://UPPER.test", "HTTPS://UPPER.test")]
    public void O8_origins_are_normalized_before_comparison(string origin, string expected)
    {
        Assert.Equal(expected, policies.GetAllowOrigin("LiteralList", origin));
    }

    [Theory]
    [InlineData("http://b.test")]
    [InlineData("https://b.test:8080")]
    [InlineData("http://c.test:8080")]
    [InlineData("https://A.test")]
    [InlineData("https://upper.test")]
    [InlineData("http://d.test")]
    [InlineData("https://d.test")]
    [InlineData("https://a.test:80")]
    [InlineData("https://a.test.evil.test")]
    [InlineData("https://evil.test/https://a.test")]
    [InlineData("https://a.tes")]
    public void O8_O9_no_lower_casing_no_scheme_guessing_no_partial_matches(string origin)
    {
        Assert.Null(policies.GetAllowOrigin("LiteralList", origin));
    }

    [Fact]
    public async Task O9_the_normalized_request_origin_is_sent_back()
    {
        using var response = await policies.Get("LiteralList", "http://c.test:80");
        Assert.Equal("http://c.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task O10_no_match_removes_allow_origin_even_one_the_endpoint_set()
    {
        using var response = await policies.Get("LiteralList", "https://evil.test", "/vary");
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task O10_a_match_replaces_the_endpoints_allow_origin()
    {
        using var response = await policies.Get("LiteralList", "https://a.test", "/vary");
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void O5_entries_after_star_are_never_reached()
    {
        Assert.Equal("*", policies.GetAllowOrigin("ListWithWildcard", "https://never.test"));
    }
}
