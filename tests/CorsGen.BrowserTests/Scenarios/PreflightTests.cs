using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>
/// Preflighted requests: the policy answers every preflight 200 with its lists (Kong never
/// refuses one); the browser compares and sends the actual request only when they allow it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreflightTests(BrowserFixture browser)
{
    private static readonly FetchRequest PutWithCustomHeader = new() { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } };

    [BrowserFact]
    public async Task Preflighted_put_with_a_listed_header_from_a_listed_origin_is_sent_and_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader);

        seen.AssertReadable(200);
        Assert.Equal("""{"updated":true}""", seen.Body);
        Assert.Equal(["OPTIONS (preflight)", "PUT"], Describe(browser.Api.Log.For(url)));
    }

    [BrowserFact]
    public async Task Preflighted_put_from_an_unlisted_origin_is_blocked_and_never_sent()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Unlisted);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader);

        seen.AssertBlocked("PreflightMissingAllowOriginHeader");
        Assert.Equal(["OPTIONS (preflight)"], Describe(browser.Api.Log.For(url)));
    }

    [BrowserFact]
    public async Task Preflight_blocks_a_request_header_the_policy_does_not_list()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader with { Headers = new Dictionary<string, string> { ["X-Other"] = "1" } });

        seen.AssertBlocked("HeaderDisallowedByPreflightResponse");
        Assert.Equal(["OPTIONS (preflight)"], Describe(browser.Api.Log.For(url)));
    }

    [BrowserFact]
    public async Task Preflight_blocks_a_method_the_policy_does_not_list()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader with { Method = "PATCH" });

        seen.AssertBlocked("MethodDisallowedByPreflightResponse");
        Assert.Equal(["OPTIONS (preflight)"], Describe(browser.Api.Log.For(url)));
    }

    internal static string[] Describe(IEnumerable<LoggedRequest> requests) =>
        requests.Select(r => r.IsPreflight ? $"{r.Method} (preflight)" : r.Method).ToArray();
}
