using CorsGen.BrowserTests.Browser;
using CorsGen.BrowserTests.TestApp;

namespace CorsGen.BrowserTests.Scenarios;

/// <summary>
/// Issue 17 in Chromium: where CorsGen explains rejections (Development, or <c>CorsGen:ExplainRejections</c> as the test
/// APIs set it), the response the browser blocks carries <c>CorsGen-Reason</c>, which DevTools shows although the page
/// cannot read it; an allowed origin's response carries none.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplanationTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_blocked_response_shows_its_reason_in_devtools_in_both_modes()
    {
        foreach (var api in new[] { browser.Api, browser.MiddlewareApi })
        {
            // http://localhost:5181 against http://localhost:51\d$: one digit too many, so the browser blocks.
            await using var unlisted = await browser.OpenPageAsync(PageOrigins.Unlisted);
            var url = api.UniqueUrl("/regex/items");
            var seen = await unlisted.FetchAsync(url);

            seen.AssertBlocked("MissingAllowOriginHeader");
            var headers = await unlisted.DevToolsHeadersAsync(url);
            Assert.NotNull(headers);
            Assert.True(headers.TryGetValue("CorsGen-Reason", out var reason), "DevTools shows no CorsGen-Reason: " + string.Join(", ", headers.Keys));
            Assert.StartsWith("CorsGen.BrowserTests.TestApp.", reason, StringComparison.Ordinal);
            Assert.Contains("refuses origin 'http://localhost:5181'", reason, StringComparison.Ordinal);
            Assert.EndsWith("(O10).", reason, StringComparison.Ordinal);

            await using var listed = await browser.OpenPageAsync(PageOrigins.Listed);
            var allowedUrl = api.UniqueUrl("/regex/items");
            (await listed.FetchAsync(allowedUrl)).AssertReadable(200);
            var allowedHeaders = await listed.DevToolsHeadersAsync(allowedUrl);
            Assert.NotNull(allowedHeaders);
            Assert.False(allowedHeaders.ContainsKey("CorsGen-Reason"));
        }
    }
}
