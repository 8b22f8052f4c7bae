using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>A1-A4: the headers of every response that is not an answered preflight.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class ActualResponseRulesTests(RulePoliciesFixture policies)
{
    private static readonly string[] PreflightOnlyHeaders =
    [
        "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Private-Network",
    ];

    [Fact]
    public async Task A1_actual_responses_carry_origin_credentials_and_exposed_headers_only()
    {
        using var response = await policies.Get("PreflightSettings", "https://b.test");
        Assert.Equal("https://b.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("X-Total", response.Single("Access-Control-Expose-Headers"));
        foreach (var header in PreflightOnlyHeaders)
        {
            Assert.Null(response.Single(header));
        }
    }

    [Fact]
    public async Task A1_exposed_headers_are_sent_whatever_the_origin()
    {
        using var response = await policies.Get("LiteralList", "https://evil.test");
        Assert.Equal("X-Total,X-Request-Id", response.Single("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task A1_an_empty_exposed_headers_list_counts_as_not_set()
    {
        using var response = await policies.Get("EmptyLists", "https://a.test");
        Assert.Null(response.Single("Access-Control-Expose-Headers"));
    }

    [Theory]
    [InlineData(MockUpstream.Unauthorized, 401)]
    [InlineData(MockUpstream.Throw, 500)]
    [InlineData(MockUpstream.BadGateway, 502)]
    public async Task A2_error_responses_carry_the_headers(string behavior, int status)
    {
        using var response = await policies.Get("LiteralList", "https://a.test", "/items", (MockUpstream.BehaviorHeader, behavior));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], response.Values("Vary"));
        Assert.Equal("X-Total,X-Request-Id", response.Single("Access-Control-Expose-Headers"));
    }

    [Theory]
    [InlineData("/problem", 422)]
    [InlineData("/not-there", 404)]
    [InlineData("/needs-query", 400)]
    public async Task A2_error_results_carry_the_headers(string path, int status)
    {
        using var response = await policies.Get("LiteralList", "https://a.test", path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A3_vary_origin_is_appended_to_the_endpoints_vary()
    {
        using var response = await policies.Get("LiteralList", "https://a.test", "/vary");
        Assert.Equal(["Accept-Encoding", "Origin"], response.Values("Vary"));
    }

    [Fact]
    public async Task A4_allow_origin_absent_false_gives_nothing_to_requests_without_origin()
    {
        using var response = await policies.Get("OriginRequired", null);
        foreach (var header in new[] { "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Vary" })
        {
            Assert.Null(response.Single(header));
        }
    }

    [Fact]
    public async Task A4_allow_origin_absent_false_treats_an_empty_origin_as_absent()
    {
        using var response = await policies.Get("OriginRequired", "");
        Assert.Null(response.Single("Vary"));
        Assert.Null(response.Single("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A4_allow_origin_absent_false_still_decorates_requests_with_an_origin()
    {
        using var response = await policies.Get("OriginRequired", "https://b.test");
        Assert.Equal("https://b.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal("X-Total", response.Single("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task A4_default_allow_origin_absent_decorates_requests_without_origin()
    {
        using var response = await policies.Get("LiteralList", null);
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
        Assert.Equal("X-Total,X-Request-Id", response.Single("Access-Control-Expose-Headers"));
    }
}
