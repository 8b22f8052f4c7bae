using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Controllers;

public sealed record Product(int Id, string Name, decimal Price);

/// <summary>The catalog: the shop's policy for the controller, the partners' for one action, none for health.</summary>
[ApiController, Route("products"), ShopCors]
public sealed class ProductsController : ControllerBase
{
    private static readonly Product[] Products = [new(1, "Kettle", 29.9m), new(2, "Mug", 7.5m)];

    [HttpGet]
    public Product[] List()
    {
        Response.Headers["X-Total-Count"] = Products.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Products;
    }

    /// <summary>POST only: its preflight is answered by ShopCors all the same.</summary>
    [HttpPost]
    public IActionResult Create(Product product) => Created($"/products/{product.Id}", product);

    /// <summary>The partners' feed: the action's attribute wins over the controller's.</summary>
    [HttpGet("feed"), PartnerCors]
    public Product[] Feed() => Products;

    /// <summary>No CORS at all: ASP.NET Core's own opt-out.</summary>
    [HttpGet("health"), DisableCors]
    public string Health() => "ok";
}

/// <summary>No attribute: the MapControllers() convention (PublicCors) governs it.</summary>
[ApiController, Route("info")]
public sealed class InfoController : ControllerBase
{
    [HttpGet]
    public object Get() => new { Shop = "CorsGen sample" };
}
