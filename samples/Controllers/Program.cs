using Controllers;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    // A port of its own, beside the minimal-API sample's 5080; --urls overrides it.
    builder.WebHost.UseUrls("http://127.0.0.1:5081");
}

builder.Services.AddControllers();

var app = builder.Build();

// Attributes need the middleware: it reads each endpoint's policy before authentication and answers preflights
// whatever method they ask for (R4).
app.UseKongCors();

// Controllers without an attribute get PublicCors; [ShopCors] and [PartnerCors] win where they are written.
app.MapControllers().WithKongCors(PublicCors.Policy);

app.Run();
