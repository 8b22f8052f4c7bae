using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>
/// PreflightContinue (rule P7): the policy leaves preflights to the app's own OPTIONS endpoint
/// (ApiGroups: it answers 204 with its own headers) and decorates the actual request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreflightContinueTests(BrowserFixture browser)
{
    private static readonly FetchRequest PutWithCustomHeader = new() { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } };

    [BrowserFact]
    public async Task The_apps_own_options_endpoint_answers_the_preflight_and_the_put_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/continue/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader);

        seen.AssertReadable(200);
        var requests = browser.Api.Log.For(url);
        Assert.Equal(["OPTIONS (preflight)", "PUT"], PreflightTests.Describe(requests));
        Assert.Equal((204, "answered"), (requests[0].Status, requests[0].ResponseHeaders["X-App-Options"]));
    }

    [BrowserFact]
    public async Task The_apps_own_options_endpoint_refuses_an_unlisted_origin()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Unlisted);
        var url = browser.Api.UniqueUrl("/continue/items");
        var seen = await page.FetchAsync(url, PutWithCustomHeader);

        seen.AssertBlocked("PreflightMissingAllowOriginHeader");
        var preflight = Assert.Single(browser.Api.Log.For(url));
        Assert.Equal(("answered", false), (preflight.ResponseHeaders["X-App-Options"], preflight.ResponseHeaders.ContainsKey("Access-Control-Allow-Origin")));
    }
}
