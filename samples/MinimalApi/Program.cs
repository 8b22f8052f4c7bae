using System.Security.Claims;
using System.Text.Json.Serialization;
using CorsGen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MinimalApi;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    // The README's curl examples use this address; --urls overrides it.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddProblemDetails();

// Native AOT (PublishAot in the project): JSON results and bodies are serialized by generated code.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJson.Default));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
{
    // An API answers 401/403; it does not redirect to a login page.
    options.Events.OnRedirectToLogin = context => Reject(context.Response, StatusCodes.Status401Unauthorized);
    options.Events.OnRedirectToAccessDenied = context => Reject(context.Response, StatusCodes.Status403Forbidden);
    options.Cookie.SameSite = SameSiteMode.None;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddAuthorization();

var app = builder.Build();

// The order that lets CORS survive a real app: errors become 500s that still carry CORS headers,
// CorsGen answers preflights before authentication, and decorates the 401s authorization writes.
app.UseExceptionHandler();
app.UseKongCors();
app.UseAuthentication();
app.UseAuthorization();

// WithKongCors(policy) is CorsGen's library method, so it fits anywhere in a chain: the Request Delegate
// Generator (PublishAot) still sees every Map call after it.
var catalog = app.MapGroup("/catalog").WithKongCors(CatalogCors.Policy);
catalog.MapGet("/products", () => Products.All);
catalog.MapGet("/products/{id:int}", (int id) => Products.All.FirstOrDefault(p => p.Id == id) is { } product ? Results.Ok(product) : Results.NotFound());

// WithPartnerCors() is the generated shorthand for WithKongCors(PartnerCors.Policy); in a statement of its own the
// group's type still comes from MapGroup (in a chain it would hide the Map calls from the Request Delegate Generator).
var partner = app.MapGroup("/partner");
partner.WithPartnerCors();
partner.MapPost("/login", async (HttpContext context, Login login) =>
{
    var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, login.Partner)], CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    return Results.NoContent();
});

// The authorized part of the partner API: its preflights are answered by UseKongCors() before
// authorization, and its 401s carry the CORS headers, so the front end can read them.
var orders = partner.MapGroup("/orders").RequireAuthorization();
orders.MapGet("", (HttpResponse response, ClaimsPrincipal user) =>
{
    response.Headers["X-Total-Count"] = "2";
    return new[] { new Order(1, user.Identity!.Name!, 42.5m), new Order(2, user.Identity!.Name!, 17m) };
});
orders.MapPost("", (Order order) => Results.Created($"/partner/orders/{order.Id}", order));
orders.MapDelete("/{id:int}", (int id) => Results.NoContent());
orders.MapGet("/fail", string () => throw new InvalidOperationException("The order store is down."));

// A policy can also be endpoint metadata of its own: its generated attribute, which UseKongCors() applies.
var admin = app.MapGroup("/admin").WithMetadata(new AdminCorsAttribute());
admin.MapGet("/stats", () => new AdminStats(Orders: 2, Revenue: 59.5m));
admin.MapMethods("/products/{id:int}", ["PATCH"], (int id) => Results.Ok(new ProductUpdate(id, Updated: true)));

app.MapDemoPage();
app.Lifetime.ApplicationStarted.Register(() => PolicyReport.Print(app));
app.Run();

static Task Reject(HttpResponse response, int status)
{
    response.StatusCode = status;
    return Task.CompletedTask;
}

internal sealed record Product(int Id, string Name, decimal Price);

internal sealed record Order(int Id, string Customer, decimal Total);

internal sealed record Login(string Partner);

internal sealed record AdminStats(int Orders, decimal Revenue);

internal sealed record ProductUpdate(int Id, bool Updated);

/// <summary>The sample's JSON types, serialized by generated code (no reflection, as Native AOT needs).</summary>
[JsonSerializable(typeof(Product[]))]
[JsonSerializable(typeof(Order[]))]
[JsonSerializable(typeof(Login))]
[JsonSerializable(typeof(AdminStats))]
[JsonSerializable(typeof(ProductUpdate))]
internal sealed partial class SampleJson : JsonSerializerContext;

internal static class Products
{
    public static readonly Product[] All =
    [
        new(1, "Kettle", 29.90m),
        new(2, "Teapot", 19.50m),
        new(3, "Mug", 6.00m),
    ];
}

/// <summary>Prints, at startup, which endpoints carry which CorsGen policy (its KongCorsPolicy, or its attribute's).</summary>
internal static class PolicyReport
{
    public static void Print(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Console.WriteLine($"CorsGen sample listening on {string.Join(", ", app.Urls)} (UseKongCors: preflights answered before authentication)");
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var policy = endpoint.Metadata.GetMetadata<KongCorsPolicyAttribute>()?.Policy.Name
                ?? endpoint.Metadata.GetMetadata<KongCorsPolicy>()?.Name
                ?? "(no CORS policy)";
            var secured = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null ? "" : " [authorized]";
            Console.WriteLine($"  {endpoint.DisplayName,-50} {policy}{secured}");
        }
    }
}
