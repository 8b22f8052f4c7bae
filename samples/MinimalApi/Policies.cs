using CorsGen;

namespace MinimalApi;

/// <summary>The public catalog: any website may read it (Kong's default: every origin).</summary>
[KongCors(Methods = ["GET", "HEAD"], MaxAge = 600)]
public static partial class CatalogCors;

/// <summary>
/// Partner storefronts: listed origins only, with cookies. Exact origins compile to a switch; the two regex
/// entries (any subdomain of partner.example.com over https, and any localhost dev port) compile to one DFA.
/// </summary>
[KongCors(
    // http://localhost:5080 (the demo page, DemoPage.cs) is matched by the localhost regex entry.
    Origins = ["https://partner.example.com", "https://shop.partner.test:8443", @"https://([a-z0-9-]+\.)+partner\.example\.com", @"http://localhost:\d{2,5}"],
    Methods = ["GET", "POST", "PUT", "DELETE"],
    Headers = ["Content-Type", "Authorization", "X-Request-Id"],
    ExposedHeaders = ["X-Request-Id", "X-Total-Count"],
    Credentials = true,
    MaxAge = 3600)]
public static partial class PartnerCors;

/// <summary>The back office: one origin, echoed as Kong echoes a single literal entry.</summary>
[KongCors(Origins = ["https://admin.example.com"], Methods = ["GET", "PATCH"], Credentials = true, AllowOriginAbsent = false)]
public static partial class AdminCors;
