using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary><c>credentials: 'include'</c>: the page sends cookies and may read the answer only when the policy allows credentials.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CredentialsTests(BrowserFixture browser)
{
    private static readonly FetchRequest WithCookies = new() { Credentials = "include" };

    [BrowserFact]
    public async Task Cookie_request_is_readable_with_a_credentials_policy()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        await page.AddCookieAsync(browser.Api.Origin, "session", "alice");
        var seen = await page.FetchAsync(browser.Api.UniqueUrl("/credentials/session"), WithCookies);

        seen.AssertReadable(200);
        Assert.Equal("""{"session":"alice"}""", seen.Body);
    }

    [BrowserFact]
    public async Task Cookie_request_is_blocked_by_a_policy_without_credentials_though_the_cookie_was_sent()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        await page.AddCookieAsync(browser.Api.Origin, "session", "alice");
        var url = browser.Api.UniqueUrl("/listed/session");
        var seen = await page.FetchAsync(url, WithCookies);

        seen.AssertBlocked("InvalidAllowCredentials");
        Assert.Equal("session=alice", Assert.Single(browser.Api.Log.For(url)).Cookie);
    }

    [BrowserFact]
    public async Task Any_origin_policy_never_admits_a_cookie_request()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        var seen = await page.FetchAsync(browser.Api.UniqueUrl("/any/session"), WithCookies);

        seen.AssertBlocked("WildcardOriginNotAllowed");
    }

    [BrowserFact]
    public async Task A_credentialed_preflighted_call_to_a_controller_action_with_the_policy_attribute_is_readable()
    {
        await using var page = await browser.OpenPageAsync(PageOrigins.Listed);
        await page.AddCookieAsync(browser.MiddlewareApi.Origin, "session", "alice");
        var url = browser.MiddlewareApi.UniqueUrl("/controller/orders");
        var seen = await page.FetchAsync(url, WithCookies with { Method = "PUT", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } });

        seen.AssertReadable(200);
        Assert.Equal("""{"updated":true,"session":"alice"}""", seen.Body);
        Assert.Equal(["OPTIONS (preflight)", "PUT"], PreflightTests.Describe(browser.MiddlewareApi.Log.For(url)));
    }
}
