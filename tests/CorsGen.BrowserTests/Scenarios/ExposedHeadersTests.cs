using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>Access-Control-Expose-Headers: which response headers the page's JavaScript may read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExposedHeadersTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Exposed_header_is_readable_and_one_not_exposed_is_hidden()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, new FetchRequest { Read = ["X-Total-Count", "X-Internal-Id", "Content-Type"] });

        seen.AssertReadable(200);
        Assert.Equal("3", seen.Headers["X-Total-Count"]);
        Assert.Null(seen.Headers["X-Internal-Id"]);
        Assert.StartsWith("application/json", seen.Headers["Content-Type"]);

        // Both were on the wire: the browser hid the one the policy does not expose.
        var sent = Assert.Single(browser.Api.Log.For(url)).ResponseHeaders;
        Assert.Equal(("3", "42"), (sent["X-Total-Count"], sent["X-Internal-Id"]));
    }
}
