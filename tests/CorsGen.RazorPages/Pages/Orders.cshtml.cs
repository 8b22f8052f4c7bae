using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorsGen.RazorPages.Pages;

/// <summary>A page model with the policy's attribute: the page's endpoint carries the policy.</summary>
[PageCors]
[IgnoreAntiforgeryToken]
public sealed class OrdersModel : PageModel
{
    public int Count { get; private set; }

    public void OnGet() => Count = 2;

    public IActionResult OnPost() => new ContentResult { Content = "posted" };
}
