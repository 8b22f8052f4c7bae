using System.Collections.Concurrent;
using System.Text.Json;
using CorsGen.BrowserTests.TestApp;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests.Browser;

/// <summary>
/// The test page open in a fresh browser context (its own cookies and caches), loaded from one of
/// the <see cref="PageOrigins"/>. <see cref="FetchAsync"/> runs a fetch in the page's JavaScript.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    /// <summary>How long to wait for Chromium's DevTools report of a refused request after the page saw the rejection.</summary>
    private static readonly TimeSpan CorsErrorWait = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, string> _urlsByRequestId = new();
    private readonly ConcurrentQueue<(string Url, string CorsError)> _corsErrors = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _responseHeadersByRequestId = new();

    private PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    internal static async Task<PageSession> OpenAsync(IBrowser browser, string pageOrigin)
    {
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);

        // Chromium reports why it refused a request (Network.loadingFailed's corsErrorStatus) only
        // through the DevTools protocol; the page itself only ever sees a TypeError.
        var cdp = await context.NewCDPSessionAsync(page);
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } sent)
            {
                session._urlsByRequestId[sent.GetProperty("requestId").GetString()!] = sent.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        cdp.Event("Network.loadingFailed").OnEvent += (_, e) =>
        {
            if (e is { } failed
                && failed.TryGetProperty("corsErrorStatus", out var status)
                && session._urlsByRequestId.TryGetValue(failed.GetProperty("requestId").GetString()!, out var url))
            {
                session._corsErrors.Enqueue((url, status.GetProperty("corsError").GetString()!));
            }
        };
        // The headers DevTools' Network panel shows: as they came off the network (ExtraInfo, which a response the page was
        // refused has too, and which may come before the request's own event), or from Network.responseReceived. Kept by
        // request id and matched to the URL when asked.
        cdp.Event("Network.responseReceivedExtraInfo").OnEvent += (_, e) =>
        {
            if (e is { } received)
            {
                session.KeepHeaders(received.GetProperty("requestId").GetString()!, received.GetProperty("headers"));
            }
        };
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } received)
            {
                session.KeepHeaders(received.GetProperty("requestId").GetString()!, received.GetProperty("response").GetProperty("headers"));
            }
        };
        await cdp.SendAsync("Network.enable");

        await page.GotoAsync(pageOrigin + PageServer.ProbePage);
        return session;
    }

    /// <summary>Gives the browser a cookie for <paramref name="url"/>'s site (as if a login had set it).</summary>
    public Task AddCookieAsync(string url, string name, string value) =>
        Context.AddCookiesAsync([new Cookie { Url = url, Name = name, Value = value }]);

    /// <summary>Runs <c>fetch(url, request)</c> in the page and returns what the page's JavaScript observed.</summary>
    public async Task<FetchObservation> FetchAsync(string url, FetchRequest? request = null)
    {
        request ??= new FetchRequest();
        var result = await Page.EvaluateAsync<JsonElement>("request => probe(request)", new Dictionary<string, object?>
        {
            ["url"] = url,
            ["method"] = request.Method,
            ["headers"] = request.Headers,
            ["credentials"] = request.Credentials,
            ["read"] = request.Read.ToArray(),
        });

        var resolved = result.GetProperty("resolved").GetBoolean();
        var headers = result.GetProperty("headers").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        return new FetchObservation(
            resolved,
            resolved ? result.GetProperty("status").GetInt32() : null,
            headers,
            result.GetProperty("body").GetString(),
            result.GetProperty("error").GetString(),
            resolved ? FindCorsError(url) : await WaitForCorsErrorAsync(url));
    }

    /// <summary>
    /// The response headers of <paramref name="url"/> as DevTools shows them (even when the page could not read them). The
    /// DevTools event can arrive after the page's fetch has settled: waits for it, up to five seconds.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>?> DevToolsHeadersAsync(string url)
    {
        for (var waited = 0; waited < 5_000; waited += 25)
        {
            foreach (var (requestId, requestUrl) in _urlsByRequestId)
            {
                if (requestUrl == url && _responseHeadersByRequestId.TryGetValue(requestId, out var headers))
                {
                    return headers;
                }
            }

            await Task.Delay(25);
        }

        return null;
    }

    /// <summary>Keeps a response's headers; the first event that names one header wins for it, the others add theirs.</summary>
    private void KeepHeaders(string requestId, JsonElement headers)
    {
        var values = headers.EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        _responseHeadersByRequestId.AddOrUpdate(
            requestId,
            values,
            (_, kept) => kept.Concat(values.Where(v => !kept.ContainsKey(v.Key))).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private string? FindCorsError(string url) => _corsErrors.LastOrDefault(e => e.Url == url).CorsError;

    private async Task<string?> WaitForCorsErrorAsync(string url)
    {
        var deadline = DateTime.UtcNow + CorsErrorWait;
        while (FindCorsError(url) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return FindCorsError(url);
    }
}
