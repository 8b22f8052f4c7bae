using Microsoft.Playwright;

namespace CorsGen.BrowserTests.Browser;

/// <summary>
/// The browser: Debian's Chromium package, driven by Playwright (whose driver ships in its NuGet
/// package). No browser is downloaded: <c>playwright install</c> is never run.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless, and nothing that talks to the network on its own or caches across runs.</summary>
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Launch options. Playwright starts Chromium with a fresh, empty user-data directory of its own
    /// (a new temporary profile each launch, deleted on close), so nothing is cached across runs.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Args = Args,
        Headless = true,
        Timeout = 60_000,
    };

    /// <summary>CI sets <c>CI=true</c>: there the browser tests must run, and fail when Chromium cannot start.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Why the browser tests skip (no Chromium, outside CI), or null when they run.</summary>
    public static string? SkipReason => IsInstalled || InCi
        ? null
        : $"Chromium is not installed at {ExecutablePath}; install it with `apt-get install -y chromium` to run the browser tests (outside CI they skip without it).";

    /// <summary>Starts Playwright and Chromium, or says exactly why it could not.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}, and CI is set, so the browser tests fail instead of skipping. " +
                "Install it with `apt-get install -y chromium` (.ci/run does so when it is missing).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            return (playwright, await playwright.Chromium.LaunchAsync(LaunchOptions));
        }
        catch (Exception e)
        {
            playwright.Dispose();
            throw new InvalidOperationException($"Chromium ({ExecutablePath}) did not start: {e.Message}", e);
        }
    }
}
