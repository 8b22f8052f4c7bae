using CorsGen.BrowserTests.Browser;
using Xunit.Abstractions;

namespace CorsGen.BrowserTests.Demo;

/// <summary>
/// The sample's demo page (samples/MinimalApi/DemoPage.html), served by the sample itself and opened
/// in Chromium as a visitor would: every row must come out as the page says it should. The test
/// saves a screenshot of the page as an artifact.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Where the screenshot goes: <c>artifacts/</c> beside the test assembly (bin/…/artifacts).</summary>
    public static string ArtifactsDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts");

    [BrowserFact]
    public async Task Demo_page_shows_the_calls_the_sample_policies_allow_and_block()
    {
        await using var sample = await SampleProcess.StartAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        try
        {
            var page = await context.NewPageAsync();
            // Opened on 127.0.0.1, the page sends the visitor to localhost, so its calls to 127.0.0.1 are cross-origin.
            await page.GotoAsync($"http://127.0.0.1:{SampleProcess.Port}/demo");
            await page.WaitForSelectorAsync("body[data-done]", new() { Timeout = 20_000 });
            Assert.Equal($"http://localhost:{SampleProcess.Port}/demo", page.Url);

            var rows = await page.Locator("#results tbody tr").EvaluateAllAsync<string[][]>(
                "rows => rows.map(r => [r.dataset.call, r.dataset.expected, r.dataset.outcome, r.cells[5].textContent])");
            var screenshot = Path.Combine(ArtifactsDirectory, "demo-page.png");
            Directory.CreateDirectory(ArtifactsDirectory);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot of the demo page: {screenshot}");
            foreach (var row in rows)
            {
                output.WriteLine(string.Join(" | ", row));
            }

            Assert.Equal(
                [
                    ["catalog-get", "allowed"],
                    ["partner-get", "allowed"],
                    ["partner-post", "allowed"],
                    ["partner-delete-header", "blocked"],
                    ["admin-get", "blocked"],
                    ["catalog-credentials", "blocked"],
                ],
                rows.Select(r => new[] { r[0], r[2] }).ToArray());
            Assert.All(rows, r => Assert.Equal(r[1], r[2]));
            // The partner orders need a signed-in partner: the page reads the 401 that UseKongCors() decorated,
            // and the preflighted POST got past its preflight (answered before authentication) to the same 401.
            Assert.Equal("401, X-Total-Count: null", rows[1][3]);
            Assert.StartsWith("401", rows[2][3], StringComparison.Ordinal);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
