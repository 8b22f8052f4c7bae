using System.Net;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace CorsGen.Tests.Middleware;

/// <summary>
/// YARP: <c>app.MapReverseProxy().WithApiCors()</c> with <c>UseKongCors()</c> answers preflights itself (they are not
/// forwarded) and decorates the proxied responses, as Kong's plugin does on a proxied route. The destination is a
/// Kestrel server on loopback.
/// </summary>
public sealed class ReverseProxyTests(MiddlewarePoliciesFixture fixture) : IClassFixture<MiddlewarePoliciesFixture>
{
    [Fact]
    public async Task A_proxied_route_with_a_policy_answers_preflights_and_decorates_proxied_responses()
    {
        await using var upstream = await StartUpstreamAsync();
        var upstreamAddress = upstream.Urls.Single();

        var builder = MiddlewareApp.CreateBuilder(new CapturingLoggerProvider());
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "items", ClusterId = "upstream", Match = new RouteMatch { Path = "/proxied/{**rest}" } }],
            [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = upstreamAddress } } }]);
        await using var app = builder.Build();
        RuntimeLibrary.UseKongCors(app);
        PolicyHost.ApplyPolicy(fixture.Policies, "ApiCors", app.MapReverseProxy());
        await app.StartAsync();
        var client = app.GetTestClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/proxied/items");
        preflight.Headers.Add("Origin", "https://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        using var answer = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("https://app.test", answer.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", answer.Single("Access-Control-Allow-Credentials"));
        Assert.Null(answer.Single("X-Upstream"));

        using var actual = new HttpRequestMessage(HttpMethod.Get, "/proxied/items");
        actual.Headers.Add("Origin", "https://app.test");
        using var proxied = await client.SendAsync(actual);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal("from upstream", await proxied.Content.ReadAsStringAsync());
        Assert.Equal("yes", proxied.Single("X-Upstream"));
        Assert.Equal("https://app.test", proxied.Single("Access-Control-Allow-Origin"));
        Assert.Equal("X-Total", proxied.Single("Access-Control-Expose-Headers"));
    }

    private static async Task<WebApplication> StartUpstreamAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var upstream = builder.Build();
        upstream.MapGet("/proxied/items", (HttpResponse response) =>
        {
            response.Headers["X-Upstream"] = "yes";
            return "from upstream";
        });
        await upstream.StartAsync();
        return upstream;
    }
}
