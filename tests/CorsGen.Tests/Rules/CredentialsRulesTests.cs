using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>C1-C3: Access-Control-Allow-Credentials.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class CredentialsRulesTests(RulePoliciesFixture policies)
{
    [Fact]
    public async Task C1_no_credentials_header_without_credentials()
    {
        using var actual = await policies.Get("AllowAll", "https://a.test");
        Assert.Null(actual.Single("Access-Control-Allow-Credentials"));

        using var preflight = await policies.Preflight("PreflightSettings", "https://a.test");
        Assert.Null(preflight.Single("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://a.test")]
    [InlineData("https://evil.test")]
    [InlineData(null)]
    public async Task C2_credentials_on_every_response_of_a_listed_policy_matched_or_not(string? origin)
    {
        using var actual = await policies.Get("LiteralList", origin);
        Assert.Equal("true", actual.Single("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task C2_credentials_on_preflights_of_a_listed_policy_even_when_disallowed()
    {
        using var response = await policies.Preflight("LiteralList", "https://evil.test");
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task C3_star_with_credentials_reflects_the_raw_origin()
    {
        using var actual = await policies.Get("WildcardWithCredentials", "http://www.example.net:3000");
        Assert.Equal("http://www.example.net:3000", actual.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", actual.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], actual.Values("Vary"));

        using var preflight = await policies.Preflight("WildcardWithCredentials", "http://x.test:80");
        Assert.Equal("http://x.test:80", preflight.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", preflight.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], preflight.Values("Vary"));
    }

    [Fact]
    public async Task C3_star_with_credentials_and_no_origin_stays_star_without_credentials()
    {
        using var response = await policies.Get("WildcardWithCredentials", null);
        Assert.Equal("*", response.Single("Access-Control-Allow-Origin"));
        Assert.Null(response.Single("Access-Control-Allow-Credentials"));
        Assert.Null(response.Single("Vary"));
    }

    [Fact]
    public async Task C3_star_entry_of_a_list_with_credentials_reflects_the_origin()
    {
        using var reflected = await policies.Get("ListWildcardWithCredentials", "https://anyone.test");
        Assert.Equal("https://anyone.test", reflected.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", reflected.Single("Access-Control-Allow-Credentials"));

        // O5 then C3: the '*' answers the listed origin too, and credentials make that the request's Origin as sent,
        // not its normal form.
        using var listed = await policies.Get("ListWildcardWithCredentials", "https://a.test:443");
        Assert.Equal("https://a.test:443", listed.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", listed.Single("Access-Control-Allow-Credentials"));
    }
}
