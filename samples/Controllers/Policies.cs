using CorsGen;

namespace Controllers;

/// <summary>The storefront's policy: its own sites and any subdomain of example.com, with cookies.</summary>
[KongCors(
    Origins = ["https://shop.example.com", @"https://(.+\.)?example\.com", "http://localhost:3000"],
    Methods = ["GET", "POST", "PUT", "DELETE"],
    Headers = ["Content-Type"],
    ExposedHeaders = ["X-Total-Count"],
    Credentials = true,
    MaxAge = 3600)]
public static partial class ShopCors;

/// <summary>Partners may only read the catalog.</summary>
[KongCors(Origins = ["https://partner.example.com"], Methods = ["GET"])]
public static partial class PartnerCors;

/// <summary>Every other controller: public, read-only.</summary>
[KongCors(Methods = ["GET"])]
public static partial class PublicCors;
