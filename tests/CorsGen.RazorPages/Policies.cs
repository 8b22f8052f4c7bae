namespace CorsGen.RazorPages;

/// <summary>The policy of the orders page, applied with its generated attribute.</summary>
[KongCors(Origins = ["https://app.test", "https://other.test"], Credentials = true)]
public static partial class PageCors;
