// 2,000 endpoints in 200 groups, the CORS mode from the environment (CORS_MODE): none, filter (WithShopCors() on each
// group, no UseKongCors()) or middleware (the same, with app.UseKongCors()). bench/many-endpoints/run.sh builds it
// against a CorsGen checkout and times its first answered preflight.
using CorsGen;

var mode = Environment.GetEnvironmentVariable("CORS_MODE") ?? "middleware";
var app = WebApplication.CreateBuilder(args).Build();
if (mode == "middleware")
{
    app.UseKongCors();
}

for (var g = 0; g < 200; g++)
{
    var group = app.MapGroup("/g" + g);
    if (mode != "none")
    {
        group.WithShopCors();
    }

    for (var e = 0; e < 10; e++)
    {
        var n = e;
        group.MapGet("/e" + e, () => n);
    }
}

app.Run();

[KongCors(Origins = ["https://shop.example.com", @"https://(.+\.)?example\.com"], Methods = ["GET"], MaxAge = 600)]
internal static partial class ShopCors;
