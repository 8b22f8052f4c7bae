using CorsGen;

namespace MinimalApi;

/// <summary>The public catalog: any website may read it (Kong's default: every origin).</summary>
[KongCors(Methods = ["GET", "HEAD"], MaxAge = 600)]
public static partial class CatalogCors;

/// <summary>
/// Partner storefronts: listed origins only, with cookies. The partners differ per deployment, so they are read from
/// configuration (appsettings.json's <c>Cors:PartnerOrigins</c>, or <c>Cors__PartnerOrigins__0</c>... in the
/// environment) when the app starts, checked with the analyzer's own rules, and compiled to a matcher; the attribute's
/// own entry, any localhost dev port, is compiled to a DFA at build time and tried first.
/// </summary>
[KongCors(
    // http://localhost:5080 (the demo page, DemoPage.cs) is matched by the localhost regex entry.
    Origins = [@"http://localhost:\d{2,5}"],
    OriginsFromConfiguration = "Cors:PartnerOrigins",
    Methods = ["GET", "POST", "PUT", "DELETE"],
    Headers = ["Content-Type", "Authorization", "X-Request-Id"],
    ExposedHeaders = ["X-Request-Id", "X-Total-Count"],
    Credentials = true,
    MaxAge = 3600)]
public static partial class PartnerCors;

/// <summary>The back office: one origin, echoed as Kong echoes a single literal entry.</summary>
[KongCors(Origins = ["https://admin.example.com"], Methods = ["GET", "PATCH"], Credentials = true, AllowOriginAbsent = false)]
public static partial class AdminCors;
