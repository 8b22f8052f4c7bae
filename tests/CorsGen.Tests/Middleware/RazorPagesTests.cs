using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// The generated attribute on a Razor Pages page model (CorsGen.RazorPages, compiled by the Razor SDK): with
/// <c>UseKongCors()</c>, the page's preflights are answered and its responses carry the policy's headers.
/// </summary>
public sealed class RazorPagesTests
{
    private static readonly System.Reflection.Assembly Pages = typeof(CorsGen.RazorPages.Pages.OrdersModel).Assembly;

    [Fact]
    public async Task A_page_model_with_the_policy_attribute_is_governed_by_the_policy()
    {
        var builder = MiddlewareApp.CreateBuilder(new CapturingLoggerProvider());
        builder.Services.AddRazorPages().AddApplicationPart(Pages);
        await using var app = builder.Build();
        RuntimeLibrary.UseKongCors(app);
        app.MapRazorPages();
        await app.StartAsync();
        var client = app.GetTestClient();

        using var page = await client.SendWithOriginAsync(HttpMethod.Get, "/Orders", "https://app.test");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("orders: 2", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("https://app.test", page.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", page.Single("Access-Control-Allow-Credentials"));

        using var answer = await client.SendWithOriginAsync(HttpMethod.Options, "/Orders", "https://other.test", ("Access-Control-Request-Method", "POST"));
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.Equal("https://other.test", answer.Single("Access-Control-Allow-Origin"));
        Assert.Equal("", await answer.Content.ReadAsStringAsync());

        using var unlisted = await client.SendWithOriginAsync(HttpMethod.Get, "/Orders", "https://evil.test");
        Assert.Null(unlisted.Single("Access-Control-Allow-Origin"));
    }
}
