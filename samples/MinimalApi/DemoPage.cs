using System.Reflection;

namespace MinimalApi;

/// <summary>
/// A page that shows CorsGen at work in the visitor's own browser. The sample serves it at
/// <c>/demo</c>; opened as <c>http://localhost:5080/demo</c> (its origin), it calls the API at
/// <c>http://127.0.0.1:5080</c>, which is another origin (the host differs), so every call is a
/// real cross-origin request judged by the browser against the sample's policies, and the page
/// shows in a table which calls the browser allowed and which it blocked.
/// </summary>
internal static class DemoPage
{
    public const string Path = "/demo";

    /// <summary>Serves the demo page at <see cref="Path"/> and prints its address at startup.</summary>
    public static WebApplication MapDemoPage(this WebApplication app)
    {
        var html = ReadPage();
        app.MapGet(Path, () => Results.Content(html, "text/html; charset=utf-8"));

        // Runs after the sample's own startup report (start-up callbacks run last registered first).
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                // The page must be opened on localhost: its calls go to 127.0.0.1, another origin.
                Console.WriteLine($"Demo page: {url.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal).TrimEnd('/')}{Path}");
            }
        });
        return app;
    }

    private static string ReadPage()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DemoPage.html")
            ?? throw new InvalidOperationException("DemoPage.html is not embedded in the sample.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
