using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>How the forms of origin entries meet the origins a browser really sends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OriginMatchingTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Scheme_less_literal_entries_never_match_a_browser_origin()
    {
        // "127.0.0.1" and "localhost" are literals compared with the whole origin (O8, O9), and a
        // browser's Origin always has a scheme and here a port: no match from either page.
        foreach (var origin in new[] { PageOrigins.Listed, PageOrigins.Unlisted })
        {
            await using var page = await browser.OpenPageAsync(origin);
            (await page.FetchAsync(browser.Api.UniqueUrl("/host-only/items"))).AssertBlocked("MissingAllowOriginHeader");
        }
    }

    [BrowserFact]
    public async Task A_regex_origin_is_allowed_and_its_near_miss_is_blocked()
    {
        await using var listed = await browser.OpenPageAsync(PageOrigins.Listed);
        (await listed.FetchAsync(browser.Api.UniqueUrl("/regex/items"))).AssertReadable(200);

        // http://localhost:5181 against http://localhost:51\d$: one digit too many.
        await using var unlisted = await browser.OpenPageAsync(PageOrigins.Unlisted);
        (await unlisted.FetchAsync(browser.Api.UniqueUrl("/regex/items"))).AssertBlocked("MissingAllowOriginHeader");
    }

    [BrowserFact]
    public async Task A_preflighted_request_from_a_regex_origin_is_allowed()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/regex/items");
        (await page.FetchAsync(url, new FetchRequest { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } })).AssertReadable(200);
        Assert.Equal(["OPTIONS", "PUT"], browser.Api.Log.For(url).Select(r => r.Method));
    }

    [BrowserFact]
    public async Task A_host_only_regex_matches_the_host_whatever_the_port()
    {
        await using var listed = await browser.OpenPageAsync(PageOrigins.Listed);
        (await listed.FetchAsync(browser.Api.UniqueUrl("/host-regex/items"))).AssertReadable(200);

        await using var unlisted = await browser.OpenPageAsync(PageOrigins.Unlisted);
        (await unlisted.FetchAsync(browser.Api.UniqueUrl("/host-regex/items"))).AssertBlocked("MissingAllowOriginHeader");
    }
}
