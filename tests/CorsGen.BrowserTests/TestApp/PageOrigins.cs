namespace CorsGen.BrowserTests.TestApp;

/// <summary>
/// The two origins the test pages are loaded from. A CORS policy is compiled at build time, so the
/// origins it lists are constants: the page server listens on a fixed loopback port, and
/// <c>127.0.0.1</c> and <c>localhost</c> on that port are two distinct origins for the browser.
/// The API's own port is picked at run time: no policy depends on it.
/// </summary>
internal static class PageOrigins
{
    /// <summary>The page server's port (<see cref="PageServer"/> fails with a clear message when it is taken).</summary>
    public const string PortText = "5181";

    /// <summary>The origin the policies under test list.</summary>
    public const string Listed = "http://127.0.0.1:" + PortText;

    /// <summary>An origin no policy under test lists (same port, another host).</summary>
    public const string Unlisted = "http://localhost:" + PortText;

    public static int Port => int.Parse(PortText, System.Globalization.CultureInfo.InvariantCulture);
}
