using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>Access-Control-Max-Age: how long the browser reuses a preflight answer (counted on the server).</summary>
[Collection(BrowserCollection.Name)]
public sealed class MaxAgeTests(BrowserFixture browser)
{
    private static readonly FetchRequest PutWithCustomHeader = new() { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } };

    [BrowserFact]
    public async Task Max_age_lets_the_browser_skip_the_second_preflight()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/cached/items");
        (await page.FetchAsync(url, PutWithCustomHeader)).AssertReadable(200);
        (await page.FetchAsync(url, PutWithCustomHeader)).AssertReadable(200);

        Assert.Equal(["OPTIONS (preflight)", "PUT", "PUT"], PreflightTests.Describe(browser.Api.Log.For(url)));
    }

    [BrowserFact]
    public async Task Max_age_zero_makes_the_browser_preflight_every_request()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/listed/items");
        (await page.FetchAsync(url, PutWithCustomHeader)).AssertReadable(200);
        (await page.FetchAsync(url, PutWithCustomHeader)).AssertReadable(200);

        Assert.Equal(["OPTIONS (preflight)", "PUT", "OPTIONS (preflight)", "PUT"], PreflightTests.Describe(browser.Api.Log.For(url)));
    }
}
