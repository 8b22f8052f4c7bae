using System.Reflection;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Tests.Middleware;

/// <summary>The controllers and policies of <see cref="ControllerTests"/>, compiled once with the real generator.</summary>
public sealed class ControllerPoliciesFixture
{
    public const string Source = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        namespace ControllerPolicies;

        [KongCors(Origins = ["https://app.test"], Credentials = true)]
        public static partial class ShopCors;

        [KongCors(Origins = ["https://partner.test"], Methods = ["POST"])]
        public static partial class PartnerCors;

        [ApiController, Route("orders"), ShopCors]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";

            [HttpPost]
            public string Create() => "created";

            [HttpPost("partner"), PartnerCors]
            public string Partner() => "partner";

            [HttpGet("private"), DisableCors]
            public string Private() => "private";

            [HttpGet("secure"), Authorize]
            public string Secure() => "secure";
        }

        [ApiController, Route("plain")]
        public sealed class PlainController : ControllerBase
        {
            [HttpGet]
            public string Get() => "plain";
        }

        public static class MinimalEndpoints
        {
            // The attribute on a minimal-API handler.
            public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
            {
                Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/handler", [PartnerCors] () => "handler");

                // The attribute as metadata of a group: ASP.NET Core's own WithMetadata keeps the chain's type.
                app.MapGroup("/meta").WithMetadata(new PartnerCorsAttribute()).MapPost("/items", () => "meta");
            }
        }
        """;

    public ControllerPoliciesFixture() => Policies = GeneratorRunner.CompileAndLoad(Source);

    internal Assembly Policies { get; }
}

/// <summary>
/// The generated <c>[ShopCors]</c> attribute on real controllers (<c>AddControllers</c>, <c>MapControllers</c>) with
/// <c>UseKongCors()</c>: preflights reach POST-only actions and unmapped methods (R4), the closest wins (action over
/// controller over the <c>MapControllers().With...()</c> convention), <c>[DisableCors]</c> opts out, 401 is decorated.
/// </summary>
public sealed class ControllerTests(ControllerPoliciesFixture fixture) : IClassFixture<ControllerPoliciesFixture>
{
    [Fact]
    public async Task A_preflight_reaches_a_post_only_action_of_an_attributed_controller()
    {
        await using var app = await StartAsync();
        using var response = await Send(app, "OPTIONS", "/orders", ("Origin", "https://app.test"), ("Access-Control-Request-Method", "POST"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Single("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task R4_applies_to_an_attributed_controller()
    {
        await using var app = await StartAsync();
        using var response = await Send(app, "OPTIONS", "/orders", ("Origin", "https://app.test"), ("Access-Control-Request-Method", "DELETE"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));

        using var delete = await Send(app, "DELETE", "/orders", ("Origin", "https://app.test"));
        Assert.Equal(405, (int)delete.StatusCode);
        Assert.Equal("https://app.test", delete.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Actual_requests_of_an_attributed_controller_carry_its_policy()
    {
        await using var app = await StartAsync();
        using var response = await Send(app, "GET", "/orders", ("Origin", "https://app.test"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("orders", await response.Content.ReadAsStringAsync());
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_actions_attribute_wins_over_its_controllers()
    {
        await using var app = await StartAsync();
        using var preflight = await Send(app, "OPTIONS", "/orders/partner", ("Origin", "https://partner.test"), ("Access-Control-Request-Method", "POST"));

        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Equal("https://partner.test", preflight.Single("Access-Control-Allow-Origin"));
        Assert.Equal("POST", preflight.Single("Access-Control-Allow-Methods"));
        Assert.Null(preflight.Single("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Attributes_win_over_the_MapControllers_convention_which_governs_the_rest()
    {
        await using var app = await StartAsync();
        // ShopCors, the controller's, has a single literal entry: sent as it is whatever the Origin (O3), no partner.
        using var attributed = await Send(app, "GET", "/orders", ("Origin", "https://partner.test"));
        Assert.Equal("https://app.test", attributed.Single("Access-Control-Allow-Origin"));
        Assert.Equal("true", attributed.Single("Access-Control-Allow-Credentials"));

        using var plain = await Send(app, "GET", "/plain", ("Origin", "https://partner.test"));
        Assert.Equal("https://partner.test", plain.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_attribute_on_a_minimal_API_handler_answers_its_preflights_and_decorates_it()
    {
        await using var app = await StartAsync();
        using var preflight = await Send(app, "OPTIONS", "/handler", ("Origin", "https://partner.test"), ("Access-Control-Request-Method", "POST"));
        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Equal("https://partner.test", preflight.Single("Access-Control-Allow-Origin"));

        using var post = await Send(app, "POST", "/handler", ("Origin", "https://partner.test"));
        Assert.Equal(200, (int)post.StatusCode);
        Assert.Equal("https://partner.test", post.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_attribute_as_group_metadata_governs_the_group()
    {
        await using var app = await StartAsync();
        using var preflight = await Send(app, "OPTIONS", "/meta/items", ("Origin", "https://partner.test"), ("Access-Control-Request-Method", "POST"));
        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Equal("https://partner.test", preflight.Single("Access-Control-Allow-Origin"));

        using var post = await Send(app, "POST", "/meta/items", ("Origin", "https://partner.test"));
        Assert.Equal("meta", await post.Content.ReadAsStringAsync());
        Assert.Equal("https://partner.test", post.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DisableCors_on_an_action_opts_it_out_without_a_500()
    {
        await using var app = await StartAsync();
        using var response = await Send(app, "GET", "/orders/private", ("Origin", "https://app.test"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_401_from_authorization_carries_the_controllers_policy()
    {
        await using var app = await StartAsync();
        using var response = await Send(app, "GET", "/orders/secure", ("Origin", "https://app.test"));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("https://app.test", response.Single("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_UseKongCors_the_startup_check_names_every_endpoint_whose_policy_is_an_attribute(bool convention)
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await StartAsync(logs, useKongCors: false, convention);

        var errors = logs.For("AttributeNeedsMiddleware").ToList();
        Assert.All(errors, e => Assert.Equal(LogLevel.Error, e.Level));
        Assert.All(errors, e => Assert.Contains("app.UseKongCors()", e.Message, StringComparison.Ordinal));
        var named = errors.Select(e => e.Message[(e.Message.IndexOf('\'', StringComparison.Ordinal) + 1)..e.Message.IndexOf("' has", StringComparison.Ordinal)]).Order().ToList();
        Assert.Equal(
            [
                "ControllerPolicies.OrdersController.Create (CorsGenTestPolicies)",
                "ControllerPolicies.OrdersController.List (CorsGenTestPolicies)",
                "ControllerPolicies.OrdersController.Partner (CorsGenTestPolicies)",
                "ControllerPolicies.OrdersController.Secure (CorsGenTestPolicies)",
                "HTTP: POST /handler",
                "HTTP: POST /meta/items",
            ],
            named.Select(n => n.Replace(fixture.Policies.GetName().Name!, "CorsGenTestPolicies", StringComparison.Ordinal)));
        Assert.Contains(errors, e => e.Message.Contains("ControllerPolicies.PartnerCors", StringComparison.Ordinal) && e.Message.Contains("/handler", StringComparison.Ordinal));

        // What it warns about: the attributed action gets no CORS headers, even where the convention governs the rest.
        using var response = await Send(app, "GET", "/orders", ("Origin", "https://app.test"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_UseKongCors_the_startup_check_of_attributes_is_silent()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await StartAsync(logs, useKongCors: true, convention: true);

        Assert.Empty(logs.For("AttributeNeedsMiddleware"));
    }

    [Fact]
    public async Task With_UseKongCors_controller_endpoints_know_the_middleware_runs()
    {
        // MVC builds its endpoints with the root scope's IServiceProvider, not the WebApplication's Services object: the
        // middleware must be known under both, or the controllers' conventions warn (event 5) and add filters that
        // would do the middleware's work twice.
        var logs = new CapturingLoggerProvider();
        await using var app = await StartAsync(logs, useKongCors: true, convention: true);
        using var response = await Send(app, "GET", "/plain", ("Origin", "https://partner.test"));
        Assert.Equal(200, (int)response.StatusCode);

        Assert.Empty(logs.For("PathPreflightsNeedMiddleware"));
        Assert.Empty(logs.For("MiddlewareMissing"));
    }

    private Task<WebApplication> StartAsync() => StartAsync(new CapturingLoggerProvider(), useKongCors: true, convention: true);

    private async Task<WebApplication> StartAsync(CapturingLoggerProvider logs, bool useKongCors, bool convention)
    {
        // The policies' assembly is the application's, so ASP.NET Core runs its hosting startup (CorsGen's startup check).
        var builder = MiddlewareApp.CreateBuilder(logs, fixture.Policies.GetName().Name);
        builder.Services.AddControllers().AddApplicationPart(fixture.Policies);
        var app = builder.Build();
        if (useKongCors)
        {
            RuntimeLibrary.UseKongCors(app);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        var controllers = app.MapControllers();
        if (convention)
        {
            PolicyHost.ApplyPolicy(fixture.Policies, "PartnerCors", controllers);
        }

        fixture.Policies.GetType("ControllerPolicies.MinimalEndpoints", throwOnError: true)!.GetMethod("Map")!.Invoke(null, [app]);
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> Send(WebApplication app, string method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return app.GetTestClient().SendAsync(request);
    }
}
