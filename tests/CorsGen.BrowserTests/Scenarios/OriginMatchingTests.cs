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
}
