using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>
/// Error responses (rule A2): the page can read their status only when they carry the CORS headers.
/// The endpoint filter adds them with <c>Response.OnStarting</c>, so whatever answers after it is
/// covered; what answers before the endpoint runs (middleware) is not, in filter mode.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorResponseTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_401_from_an_endpoint_filter_after_the_policy_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        (await page.FetchAsync(browser.Api.UniqueUrl("/listed/secured"))).AssertReadable(401);
    }

    [BrowserFact]
    public async Task A_500_from_a_throwing_handler_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var seen = await page.FetchAsync(browser.Api.UniqueUrl("/listed/throws"));

        seen.AssertReadable(500);
        Assert.Equal("The server failed.", seen.Body);
    }

    [BrowserFact]
    public async Task Filter_mode_a_401_from_the_authorization_middleware_is_hidden_from_the_page()
    {
        // The authorization middleware answers before any endpoint filter runs, so the policy's
        // filter never sees the request: the 401 has no CORS headers and the page sees a TypeError.
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.Api.UniqueUrl("/authorized/items");
        var seen = await page.FetchAsync(url);

        seen.AssertBlocked("MissingAllowOriginHeader");
        Assert.Equal(401, Assert.Single(browser.Api.Log.For(url)).Status);
    }

    [BrowserFact]
    public async Task Middleware_mode_a_401_from_the_authorization_middleware_is_readable()
    {
        // UseKongCors() runs before authentication and adds the policy's headers when the 401 starts.
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.MiddlewareApi.UniqueUrl("/authorized/items");
        var seen = await page.FetchAsync(url);

        seen.AssertReadable(401);
        Assert.Equal(401, Assert.Single(browser.MiddlewareApi.Log.For(url)).Status);
    }

    [BrowserFact]
    public async Task Middleware_mode_answers_the_preflight_of_an_authorized_group_before_authorization()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var url = browser.MiddlewareApi.UniqueUrl("/authorized/items");
        var seen = await page.FetchAsync(url, new FetchRequest { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } });

        // The preflight got its 200 before authorization; the PUT itself then got the readable 401.
        seen.AssertReadable(401);
        Assert.Equal(["OPTIONS", "PUT"], browser.MiddlewareApi.Log.For(url).Select(r => r.Method));
        Assert.Equal(200, browser.MiddlewareApi.Log.For(url).First().Status);
    }

    [BrowserFact]
    public async Task Middleware_mode_a_500_from_a_throwing_handler_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var seen = await page.FetchAsync(browser.MiddlewareApi.UniqueUrl("/listed/throws"));

        seen.AssertReadable(500);
        Assert.Equal("The server failed.", seen.Body);
    }
}
