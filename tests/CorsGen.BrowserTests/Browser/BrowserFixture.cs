using CorsGen.BrowserTests.TestApp;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests.Browser;

/// <summary>Every browser test shares one Chromium and one pair of servers, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Starts, once for all browser tests: the API in both modes (<see cref="ApiServer"/>, the policies under test),
/// the page server (<see cref="PageServer"/>, the two page origins) and headless Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ApiServer? _api;
    private ApiServer? _middlewareApi;
    private PageServer? _pages;

    /// <summary>The API in the endpoint-filter mode.</summary>
    internal ApiServer Api => _api ?? throw new InvalidOperationException("The browser tests' servers did not start.");

    /// <summary>The same API with <c>app.UseKongCors()</c> before authentication.</summary>
    internal ApiServer MiddlewareApi => _middlewareApi ?? throw new InvalidOperationException("The browser tests' servers did not start.");

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            // Every test is skipped with that reason: nothing to start.
            return;
        }

        _api = await ApiServer.StartAsync(middlewareMode: false);
        _middlewareApi = await ApiServer.StartAsync(middlewareMode: true);
        _pages = await PageServer.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    /// <summary>Opens the test page from <paramref name="pageOrigin"/> (one of <see cref="PageOrigins"/>) in a fresh browser context.</summary>
    internal Task<PageSession> OpenPageAsync(string pageOrigin) => PageSession.OpenAsync(Browser, pageOrigin);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_pages is not null)
        {
            await _pages.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_middlewareApi is not null)
        {
            await _middlewareApi.DisposeAsync();
        }
    }
}
