using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>Simple requests (no preflight): which origins may read the response.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SimpleRequestTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Simple_get_from_a_listed_origin_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var seen = await page.FetchAsync(browser.Api.UniqueUrl("/listed/items"));

        seen.AssertReadable(200);
        Assert.Equal("""["kettle","mug","teapot"]""", seen.Body);
    }

    [BrowserFact]
    public async Task Simple_get_from_an_unlisted_origin_is_blocked_though_the_server_answered()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Unlisted);
        var url = browser.Api.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url);

        seen.AssertBlocked("MissingAllowOriginHeader");
        // Kong never refuses a request: the handler ran and answered 200; the browser hid it.
        var request = Assert.Single(browser.Api.Log.For(url));
        Assert.Equal((PageOrigins.Unlisted, 200), (request.Origin, request.Status));
    }

    [BrowserFact]
    public async Task Single_literal_origin_is_sent_to_every_origin_and_the_browser_admits_only_that_one()
    {
        await using var listed = await browser.OpenPageAsync(PageOrigins.Listed);
        (await listed.FetchAsync(browser.Api.UniqueUrl("/single/items"))).AssertReadable(200);

        await using var unlisted = await browser.OpenPageAsync(PageOrigins.Unlisted);
        var url = browser.Api.UniqueUrl("/single/items");
        (await unlisted.FetchAsync(url)).AssertBlocked("AllowOriginMismatch");
        Assert.Equal(PageOrigins.Listed, Assert.Single(browser.Api.Log.For(url)).ResponseHeaders["Access-Control-Allow-Origin"]);
    }

    [BrowserFact]
    public async Task Any_origin_policy_is_readable_from_every_origin()
    {
        foreach (var origin in new[] { PageOrigins.Listed, PageOrigins.Unlisted })
        {
            await using var page = await browser.OpenPageAsync(origin);
            (await page.FetchAsync(browser.Api.UniqueUrl("/any/items"))).AssertReadable(200);
        }
    }
}
