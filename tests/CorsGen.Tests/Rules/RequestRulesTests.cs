using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>R1-R3: which requests are preflights, and how request headers are read.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class RequestRulesTests(RulePoliciesFixture policies)
{
    [Fact]
    public async Task R1_options_with_origin_and_request_method_is_answered_as_a_preflight()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task R1_options_without_request_method_is_an_actual_request()
    {
        using var response = await policies.Host.SendAsync("OPTIONS", "/LiteralList/anything", ("Origin", "https://a.test"));
        Assert.Contains("\"request_method\":\"OPTIONS\"", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("X-Total,X-Request-Id", response.Single("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task R1_options_with_empty_origin_is_an_actual_request()
    {
        using var response = await policies.Host.SendAsync("OPTIONS", "/AllowAll/anything", ("Origin", ""), ("Access-Control-Request-Method", "GET"));
        Assert.Contains("\"request_method\":\"OPTIONS\"", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("*", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task R1_an_empty_request_method_still_makes_a_preflight()
    {
        var context = await policies.Host.SendRawAsync("OPTIONS", "/LiteralList/anything", headers =>
        {
            headers.Origin = "https://a.test";
            headers.AccessControlRequestMethod = "";
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", context.Response.Headers.AccessControlAllowMethods.ToString());
    }

    [Fact]
    public async Task R1_the_method_must_be_exactly_OPTIONS()
    {
        using var response = await policies.Host.SendAsync("options", "/LiteralList/anything", ("Origin", "https://a.test"), ("Access-Control-Request-Method", "GET"));
        Assert.Null(response.Single("Access-Control-Allow-Methods"));
        Assert.Contains("\"request_method\":\"options\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task R2_a_repeated_origin_counts_by_its_first_value()
    {
        var first = await policies.Host.SendRawAsync("GET", "/LiteralList/items", headers => headers.Origin = new(["https://a.test", "https://evil.test"]));
        Assert.Equal("https://a.test", first.Response.Headers.AccessControlAllowOrigin.ToString());

        var second = await policies.Host.SendRawAsync("GET", "/LiteralList/items", headers => headers.Origin = new(["https://evil.test", "https://a.test"]));
        Assert.Equal(0, second.Response.Headers.AccessControlAllowOrigin.Count);
    }

    [Fact]
    public async Task R2_repeated_request_headers_reflect_their_first_value()
    {
        var context = await policies.Host.SendRawAsync("OPTIONS", "/AllowAll/items", headers =>
        {
            headers.Origin = "https://a.test";
            headers.AccessControlRequestMethod = "PUT";
            headers.AccessControlRequestHeaders = new(["x-first", "x-second"]);
        });

        Assert.Equal("x-first", context.Response.Headers.AccessControlAllowHeaders.ToString());
    }

    [Fact]
    public async Task R3_requested_method_and_headers_are_not_checked_against_the_policy()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://a.test", "DELETE", extra: ("Access-Control-Request-Headers", "x-not-listed"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("GET,POST,PURGE", response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("X-Custom,Content-Type", response.Single("Access-Control-Allow-Headers"));
    }
}
