using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests.Rules;

/// <summary>D4: bad request headers never throw and never put anything invalid into a response header.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class MalformedInputTests(RulePoliciesFixture policies)
{
    public static TheoryData<string> BadOrigins => new()
    {
        new string('a', 64 * 1024),
        "https://" + new string('a', 64 * 1024) + ".test",
        "https://a.test\r\nSet-Cookie: x=1",
        "https://a.test\n",
        "https://\u00e9xample.test",
        "https://a.test\u0000",
        "https://a .test",
        "\t",
        " ",
        "https://a.test, https://b.test",
        "null",
        "://",
        "//",
        "http://",
        "http://:80",
        "http://[",
        "http://[::1]:8080",
        "http://u@",
        "https://a.test#",
        "a:b:c:d",
        "\uD83D\uDE00",
    };

    [Theory]
    [MemberData(nameof(BadOrigins))]
    public async Task D4_malformed_origins_are_never_reflected_and_never_fail(string origin)
    {
        foreach (var policy in RulePoliciesFixture.PolicyClasses)
        {
            var actual = await policies.Host.SendRawAsync("GET", $"/{policy}/items", headers => headers.Origin = origin);
            AssertWellFormed(actual, policy);

            var preflight = await policies.Host.SendRawAsync("OPTIONS", $"/{policy}/items", headers =>
            {
                headers.Origin = origin;
                headers.AccessControlRequestMethod = "GET";
            });
            AssertWellFormed(preflight, policy);
        }
    }

    [Theory]
    [InlineData("x-a\r\nSet-Cookie: x=1")]
    [InlineData("x-\u00e9")]
    [InlineData("x-a;x-b")]
    [InlineData("x-a,,x-b")]
    [InlineData(",")]
    [InlineData("x a")]
    [InlineData("x-a\u0000")]
    public async Task D4_request_headers_that_are_not_a_header_name_list_are_not_reflected(string requested)
    {
        var context = await policies.Host.SendRawAsync("OPTIONS", "/LiteralList/items", headers =>
        {
            headers.Origin = "https://a.test";
            headers.AccessControlRequestMethod = "GET";
            headers.AccessControlRequestHeaders = requested;
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(StringValues.Empty, context.Response.Headers.AccessControlAllowHeaders);
        AssertWellFormed(context, "LiteralList");
    }

    [Fact]
    public async Task D4_huge_request_headers_are_not_reflected()
    {
        var huge = string.Join(",", Enumerable.Range(0, 8000).Select(i => "x-h" + i));
        var context = await policies.Host.SendRawAsync("OPTIONS", "/AllowAll/items", headers =>
        {
            headers.Origin = "https://a.test";
            headers.AccessControlRequestMethod = "GET";
            headers.AccessControlRequestHeaders = huge;
        });

        Assert.Equal(StringValues.Empty, context.Response.Headers.AccessControlAllowHeaders);
    }

    [Theory]
    [InlineData("x-a, x-b")]
    [InlineData("x-a ,\tx-b")]
    [InlineData("content-type")]
    public async Task D4_header_name_lists_with_optional_whitespace_are_reflected_verbatim(string requested)
    {
        var context = await policies.Host.SendRawAsync("OPTIONS", "/LiteralList/items", headers =>
        {
            headers.Origin = "https://a.test";
            headers.AccessControlRequestMethod = "GET";
            headers.AccessControlRequestHeaders = requested;
        });

        Assert.Equal(requested, context.Response.Headers.AccessControlAllowHeaders.ToString());
    }

    [Fact]
    public void D4_credentials_reflection_refuses_invalid_origins()
    {
        Assert.Equal("*", policies.GetAllowOrigin("WildcardWithCredentials", "https://a.test\r\nX: y"));
        Assert.Equal("*", policies.GetAllowOrigin("WildcardWithCredentials", new string('a', 5000)));
        Assert.Equal("https://ok.test", policies.GetAllowOrigin("WildcardWithCredentials", "https://ok.test"));
    }

    [Theory]
    [InlineData("http://[::1]:8080", "http://::1:8080")]
    [InlineData("http://u:p@[::1]", "http://::1")]
    [InlineData("//a.test", "a.test")]
    [InlineData("http://a.test:", "http://a.test:")]
    [InlineData("http://:80", "http://:80")]
    public void D4_odd_origins_normalize_as_kong_does(string origin, string normalized)
    {
        // O8 quirks of LuaSocket's url.parse, kept exact: the result is still only visible ASCII.
        Assert.Equal(normalized, policies.GetAllowOrigin("OddOrigins", origin));
    }

    private static void AssertWellFormed(HttpContext context, string policy)
    {
        Assert.True(context.Response.StatusCode < 500, $"{policy}: status {context.Response.StatusCode}");
        foreach (var (name, values) in context.Response.Headers)
        {
            foreach (var value in values)
            {
                Assert.True(value is not null && value.All(c => c is >= ' ' and <= '~' or '\t'), $"{policy}: header {name} has an invalid value: {value}");
                Assert.True(value!.Length <= 4096, $"{policy}: header {name} is {value.Length} chars long");
            }
        }
    }
}
