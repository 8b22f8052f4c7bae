namespace CorsGen.BrowserTests.Browser;

/// <summary>A <c>fetch</c> the page makes: the arguments of <c>probe()</c> in probe.html.</summary>
public sealed record FetchRequest
{
    public string Method { get; init; } = "GET";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary><c>omit</c>, <c>same-origin</c> (fetch's default) or <c>include</c> (send cookies cross-origin).</summary>
    public string Credentials { get; init; } = "same-origin";

    /// <summary>Response headers the page tries to read with <c>response.headers.get()</c>.</summary>
    public IReadOnlyList<string> Read { get; init; } = [];
}

/// <summary>
/// What the page observed of one <c>fetch</c>: its JavaScript's view (resolved or rejected, status,
/// readable headers, body) and, for a refused request, the reason Chromium gives in DevTools.
/// </summary>
/// <param name="Resolved">The promise resolved (the page may read the response).</param>
/// <param name="Status">The status the page read; null when the promise rejected.</param>
/// <param name="Headers">Each header of <see cref="FetchRequest.Read"/>: its value, or null when hidden from the page.</param>
/// <param name="Body">The response body the page read.</param>
/// <param name="Error">The rejection, e.g. <c>TypeError: Failed to fetch</c>.</param>
/// <param name="CorsError">Chromium's CORS error for the request (DevTools protocol <c>CorsError</c>, e.g. <c>MissingAllowOriginHeader</c>), if any.</param>
public sealed record FetchObservation(
    bool Resolved,
    int? Status,
    IReadOnlyDictionary<string, string?> Headers,
    string? Body,
    string? Error,
    string? CorsError)
{
    /// <summary>The page read the response, with this status.</summary>
    public void AssertReadable(int status)
    {
        Assert.True(Resolved, $"Expected the page to read the response, but the browser refused it: {this}");
        Assert.Equal(status, Status);
    }

    /// <summary>The page's fetch rejected with a TypeError, and Chromium names <paramref name="corsError"/> as the reason.</summary>
    public void AssertBlocked(string corsError)
    {
        Assert.False(Resolved, $"Expected the browser to refuse the response, but the page read it: {this}");
        Assert.StartsWith("TypeError:", Error);
        Assert.Equal(corsError, CorsError);
    }

    public override string ToString() => Resolved
        ? $"resolved {Status}, headers {{{string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value ?? "(hidden)"}"))}}}, body {Body}"
        : $"rejected ({Error}), CORS error {CorsError ?? "(none)"}";
}
