using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsGen.BrowserTests.TestApp;

/// <summary>
/// Serves the test page on the fixed port of <see cref="PageOrigins"/>, on both loopback addresses,
/// so the browser can load it as <see cref="PageOrigins.Listed"/> and as <see cref="PageOrigins.Unlisted"/>.
/// </summary>
internal sealed class PageServer : IAsyncDisposable
{
    public const string ProbePage = "/probe.html";

    private readonly WebApplication _app;

    private PageServer(WebApplication app) => _app = app;

    public static async Task<PageServer> StartAsync()
    {
        var html = ReadResource("probe.html");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // localhost: 127.0.0.1 and, where the machine has it, [::1] (the browser may try either).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(PageOrigins.Port));
        var app = builder.Build();
        app.MapGet(ProbePage, () => Results.Content(html, "text/html; charset=utf-8"));
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"The browser tests serve their pages on {PageOrigins.Listed} and {PageOrigins.Unlisted}, but port {PageOrigins.Port} " +
                "is in use. The policies under test list these origins, compiled at build time, so the port cannot move: " +
                "stop whatever listens on it (e.g. `ss -ltnp | grep " + PageOrigins.PortText + "`) and run the tests again.", e);
        }

        return new PageServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
