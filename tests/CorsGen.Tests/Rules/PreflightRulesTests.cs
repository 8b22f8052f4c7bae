using CorsGen.Tests.Infrastructure;

namespace CorsGen.Tests.Rules;

/// <summary>P1-P7: the preflight answer.</summary>
[Collection(RulePoliciesCollection.Name)]
public sealed class PreflightRulesTests(RulePoliciesFixture policies)
{
    [Fact]
    public async Task P1_preflight_is_200_with_an_empty_body_and_the_handler_does_not_run()
    {
        using var response = await policies.Preflight("AllowAll", "https://a.test", path: "/anything");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("0", response.Single("Content-Length"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task P1_a_disallowed_origin_only_loses_allow_origin()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://evil.test");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("GET,POST,PURGE", response.Single("Access-Control-Allow-Methods"));
        Assert.Equal("X-Custom,Content-Type", response.Single("Access-Control-Allow-Headers"));
        Assert.Equal("0", response.Single("Access-Control-Max-Age"));
        Assert.Equal("Origin", response.Single("Vary"));
    }

    [Theory]
    [InlineData("/get-only", "GET")]
    [InlineData("/post-only", "POST")]
    public async Task P1_preflight_reaches_endpoints_mapped_for_one_method(string path, string method)
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test", method, path);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://a.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task P1_preflight_answer_overrides_a_failed_parameter_binding()
    {
        using var actual = await policies.Get("LiteralList", "https://a.test", "/needs-query");
        Assert.Equal(400, (int)actual.StatusCode);

        using var preflight = await policies.Preflight("LiteralList", "https://a.test", "GET", "/needs-query");
        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Equal("https://a.test", preflight.Single("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task P2_configured_headers_are_joined_with_commas()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://a.test", extra: ("Access-Control-Request-Headers", "x-other"));
        Assert.Equal("X-Custom,Content-Type", response.Single("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task P2_request_headers_are_reflected_when_none_configured()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test", extra: ("Access-Control-Request-Headers", "content-type,x-requested-with"));
        Assert.Equal("content-type,x-requested-with", response.Single("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task P2_empty_headers_list_counts_as_not_set()
    {
        using var response = await policies.Preflight("EmptyLists", "https://a.test", extra: ("Access-Control-Request-Headers", "x-a, x-b"));
        Assert.Equal("x-a, x-b", response.Single("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task P2_no_allow_headers_without_request_headers()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test");
        Assert.Null(response.Single("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task P3_default_methods_are_the_seed_six_D1()
    {
        using var response = await policies.Preflight("AllowAll", "https://a.test");
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", response.Single("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task P3_configured_methods_are_joined_and_any_token_is_accepted_D3()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://a.test");
        Assert.Equal("GET,POST,PURGE", response.Single("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task P3_an_empty_methods_list_sends_no_methods()
    {
        using var response = await policies.Preflight("EmptyLists", "https://a.test");
        Assert.DoesNotContain(response.Values("Access-Control-Allow-Methods"), v => v.Trim().Length > 0);
    }

    [Fact]
    public async Task P4_max_age_zero_is_sent()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://a.test");
        Assert.Equal("0", response.Single("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task P4_no_max_age_when_not_set()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test");
        Assert.Null(response.Single("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task P5_private_network_is_allowed_only_when_asked_with_exactly_true()
    {
        using var asked = await policies.Preflight("PreflightSettings", "https://evil.test", extra: ("Access-Control-Request-Private-Network", "true"));
        Assert.Equal("true", asked.Single("Access-Control-Allow-Private-Network"));

        using var other = await policies.Preflight("PreflightSettings", "https://a.test", extra: ("Access-Control-Request-Private-Network", "TRUE"));
        Assert.Null(other.Single("Access-Control-Allow-Private-Network"));

        using var notAsked = await policies.Preflight("PreflightSettings", "https://a.test");
        Assert.Null(notAsked.Single("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task P5_private_network_is_never_answered_when_the_policy_does_not_allow_it()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test", extra: ("Access-Control-Request-Private-Network", "true"));
        Assert.Null(response.Single("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task P5_private_network_is_never_sent_on_actual_responses()
    {
        using var response = await policies.Get("PreflightSettings", "https://a.test", extra: ("Access-Control-Request-Private-Network", "true"));
        Assert.Null(response.Single("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task P6_expose_headers_are_never_sent_on_a_preflight()
    {
        using var response = await policies.Preflight("PreflightSettings", "https://a.test");
        Assert.Null(response.Single("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task P6_preflight_vary_is_one_origin_value()
    {
        using var response = await policies.Preflight("LiteralList", "https://a.test");
        Assert.Equal(["Origin"], response.Values("Vary"));
    }

    [Fact]
    public async Task P7_preflight_continue_lets_the_apps_options_endpoint_answer_without_cors_headers()
    {
        using var response = await policies.Preflight("Continue", "https://a.test", "GET", "/options");
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal("answered", response.Single("X-App-Options"));
        foreach (var header in new[] { "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Expose-Headers", "Vary", "Access-Control-Allow-Credentials" })
        {
            Assert.Null(response.Single(header));
        }
    }

    [Fact]
    public async Task P7_preflight_continue_passes_the_preflight_on_to_the_application()
    {
        using var response = await policies.Preflight("Continue", "https://a.test", "PUT", "/anything");
        Assert.Contains("\"request_method\":\"OPTIONS\"", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Single("Access-Control-Allow-Origin"));
        Assert.Null(response.Single("Vary"));
    }

    [Fact]
    public async Task P7_preflight_continue_still_decorates_actual_responses()
    {
        using var response = await policies.Get("Continue", "https://b.test");
        Assert.Equal("https://b.test", response.Single("Access-Control-Allow-Origin"));
        Assert.Equal("X-Total", response.Single("Access-Control-Expose-Headers"));
    }
}
