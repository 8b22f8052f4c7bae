using CorsGen;

namespace MinimalApi;

/// <summary>The public catalog: any website may read it (Kong's default: every origin).</summary>
[KongCors(Methods = ["GET", "HEAD"], MaxAge = 600)]
public static partial class CatalogCors;

/// <summary>Partner storefronts: listed origins only, with cookies.</summary>
[KongCors(
    Origins = ["https://partner.example.com", "https://shop.partner.test:8443", "http://localhost:3000", "http://localhost:5080" /* the demo page, DemoPage.cs */],
    Methods = ["GET", "POST", "PUT", "DELETE"],
    Headers = ["Content-Type", "Authorization", "X-Request-Id"],
    ExposedHeaders = ["X-Request-Id", "X-Total-Count"],
    Credentials = true,
    MaxAge = 3600)]
public static partial class PartnerCors;

/// <summary>The back office: one origin, echoed as Kong echoes a single literal entry.</summary>
[KongCors(Origins = ["https://admin.example.com"], Methods = ["GET", "PATCH"], Credentials = true, AllowOriginAbsent = false)]
public static partial class AdminCors;
