using MinimalApi;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    // The README's curl examples use this address; --urls overrides it.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var app = builder.Build();

var catalog = app.MapGroup("/catalog").WithCatalogCors();
catalog.MapGet("/products", () => Products.All);
catalog.MapGet("/products/{id:int}", (int id) => Products.All.FirstOrDefault(p => p.Id == id) is { } product ? Results.Ok(product) : Results.NotFound());

var partner = app.MapGroup("/partner").WithPartnerCors();
partner.MapGet("/orders", (HttpResponse response) =>
{
    response.Headers["X-Total-Count"] = "2";
    return new[] { new Order(1, "ACME", 42.5m), new Order(2, "Globex", 17m) };
});
partner.MapPost("/orders", (Order order) => Results.Created($"/partner/orders/{order.Id}", order));
partner.MapDelete("/orders/{id:int}", (int id) => Results.NoContent());

var admin = app.MapGroup("/admin").WithAdminCors();
admin.MapGet("/stats", () => new { Orders = 2, Revenue = 59.5m });
admin.MapMethods("/products/{id:int}", ["PATCH"], (int id) => Results.Ok(new { Id = id, Updated = true }));

app.MapDemoPage();
app.Lifetime.ApplicationStarted.Register(() => PolicyReport.Print(app));
app.Run();

internal sealed record Product(int Id, string Name, decimal Price);

internal sealed record Order(int Id, string Customer, decimal Total);

internal static class Products
{
    public static readonly Product[] All =
    [
        new(1, "Kettle", 29.90m),
        new(2, "Teapot", 19.50m),
        new(3, "Mug", 6.00m),
    ];
}

/// <summary>Prints, at startup, which endpoints carry which CorsGen policy (found through its Metadata).</summary>
internal static class PolicyReport
{
    public static void Print(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Console.WriteLine($"CorsGen sample listening on {string.Join(", ", app.Urls)}");
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var policy = endpoint.Metadata.GetMetadata<CatalogCors.Metadata>()?.PolicyName
                ?? endpoint.Metadata.GetMetadata<PartnerCors.Metadata>()?.PolicyName
                ?? endpoint.Metadata.GetMetadata<AdminCors.Metadata>()?.PolicyName
                ?? "(no CORS policy)";
            Console.WriteLine($"  {endpoint.DisplayName,-50} {policy}");
        }
    }
}
