namespace CorsGen.BrowserTests.TestApp;

// The policies under test, compiled by CorsGen when this project builds. Each is applied to one
// route group of the API (ApiGroups.All), so a test picks a policy by its group's path.
// Every list has a second, never-used origin so it is matched as a list (O4-O10), not echoed as a
// single literal entry (O3), except SingleOriginCors, which is about exactly that.

/// <summary>Listed origin only; one custom request header, one exposed response header; no preflight caching.</summary>
[KongCors(
    Origins = [PageOrigins.Listed, "https://partner.example.com"],
    Methods = ["GET", "PUT"],
    Headers = ["X-Custom"],
    ExposedHeaders = ["X-Total-Count"],
    MaxAge = 0)]
internal static partial class ListedOriginCors;

/// <summary>Listed origin with cookies.</summary>
[KongCors(Origins = [PageOrigins.Listed, "https://partner.example.com"], Credentials = true)]
internal static partial class CredentialsCors;

/// <summary>As <see cref="ListedOriginCors"/>, but the browser may cache the preflight answer for 10 minutes.</summary>
[KongCors(Origins = [PageOrigins.Listed, "https://partner.example.com"], Methods = ["GET", "PUT"], Headers = ["X-Custom"], MaxAge = 600)]
internal static partial class CachedPreflightCors;

/// <summary>One literal origin: Kong sends it whatever the request's origin, and the browser compares.</summary>
[KongCors(Origins = [PageOrigins.Listed])]
internal static partial class SingleOriginCors;

/// <summary>Origins not set: every origin (Access-Control-Allow-Origin: *).</summary>
[KongCors]
internal static partial class AnyOriginCors;

/// <summary>Scheme-less literal entries: Kong compares them with the whole origin, which a browser always sends with a scheme.</summary>
// The browser tests prove CORS031's point (such entries never match), so the warning is expected here.
#pragma warning disable CORS031
[KongCors(Origins = ["127.0.0.1", "localhost"])]
internal static partial class HostOnlyLiteralCors;
#pragma warning restore CORS031

/// <summary>Preflights are not answered by the policy: the app's own OPTIONS endpoint answers them.</summary>
[KongCors(Origins = [PageOrigins.Listed, "https://partner.example.com"], PreflightContinue = true)]
internal static partial class ContinueCors;

/// <summary>
/// Regex entries (O6): the listed page's origin matches the first; the unlisted page's origin,
/// http://localhost:5181, is a near miss of the second (Kong's appended '$' stops it after three digits).
/// </summary>
[KongCors(Origins = [@"http://127\.0\.0\.1:\d+", @"http://localhost:51\d"])]
internal static partial class RegexOriginCors;

/// <summary>A host-only regex entry (O7): no ':', so it is matched against the host alone, whatever the scheme and port.</summary>
[KongCors(Origins = [@"127\.0\.0\.\d+", "https://partner.example.com"])]
internal static partial class HostRegexCors;
