using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>
/// R4 in Chromium: with <c>UseKongCors()</c> a policy governs its paths whatever method a page asks for. A method the
/// path does not map is preflighted like any other: allowed, the page reads the 405; not allowed, the preflight's
/// Access-Control-Allow-Methods blocks it. Without the middleware the preflight fails on routing's 404.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PathRuleTests(BrowserFixture browser)
{
    private static readonly FetchRequest Delete = new() { Method = "DELETE" };

    [BrowserFact]
    public async Task A_delete_to_a_path_that_maps_no_delete_is_preflighted_sent_and_its_405_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.MiddlewareApi.UniqueUrl("/credentials/items");
        var seen = await page.FetchAsync(url, Delete);

        // CredentialsCors leaves Methods unset: DELETE is allowed (D1), so the page sees the app's real answer.
        seen.AssertReadable(405);
        Assert.Equal(["OPTIONS (preflight)", "DELETE"], PreflightTests.Describe(browser.MiddlewareApi.Log.For(url)));
        Assert.Equal(200, browser.MiddlewareApi.Log.For(url).First().Status);
    }

    [BrowserFact]
    public async Task A_delete_the_policy_does_not_allow_is_blocked_by_the_preflights_allow_methods()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.MiddlewareApi.UniqueUrl("/listed/items");
        var seen = await page.FetchAsync(url, Delete);

        // ListedOriginCors allows GET and PUT: the browser says so, instead of a failed preflight.
        seen.AssertBlocked("MethodDisallowedByPreflightResponse");
        Assert.Equal(["OPTIONS (preflight)"], PreflightTests.Describe(browser.MiddlewareApi.Log.For(url)));
    }

    [BrowserFact]
    public async Task Without_the_middleware_the_preflight_fails_on_routings_404()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/credentials/items");
        var seen = await page.FetchAsync(url, Delete);

        // Chromium checks Access-Control-Allow-Origin before the status: the 404 carries none, so that is the error the
        // console shows, hiding that the path exists and the policy would have allowed DELETE.
        seen.AssertBlocked("PreflightMissingAllowOriginHeader");
        Assert.Equal(404, Assert.Single(browser.Api.Log.For(url)).Status);
    }
}
