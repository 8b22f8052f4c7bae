using System.Text.RegularExpressions;
using CorsGen.Benchmarks.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CorsGen.Benchmarks.Infrastructure;

/// <summary>
/// One policy of the benchmarks, on every side of the comparison: the CorsGen policy (its generated
/// <c>With...()</c>), the equivalent ASP.NET Core <see cref="CorsPolicy"/>, and the origin an allowed
/// request sends.
/// </summary>
internal sealed record BenchmarkPolicy(string Name, Action<IEndpointConventionBuilder> With, CorsPolicy AspNetCore, string AllowedOrigin)
{
    public static BenchmarkPolicy Get(string name) => name switch
    {
        "Exact1" => Exact(name, b => b.WithExact1Cors(), BenchmarkOrigins.Exact1),
        "Exact10" => Exact(name, b => b.WithExact10Cors(), BenchmarkOrigins.Exact10),
        "Exact1000" => Exact(name, b => b.WithExact1000Cors(), BenchmarkOrigins.Exact1000),
        "Exact10000" => Exact(name, b => b.WithExact10000Cors(), BenchmarkOrigins.Exact10000),
        "Regex1" => Regex(name, b => b.WithRegex1Cors(), BenchmarkOrigins.AnchoredRegex1),
        "Regex10" => Regex(name, b => b.WithRegex10Cors(), BenchmarkOrigins.AnchoredRegex10),
        "Regex100" => Regex(name, b => b.WithRegex100Cors(), BenchmarkOrigins.AnchoredRegex100),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Exact origins: ASP.NET Core's own list; the allowed request uses the middle one.</summary>
    private static BenchmarkPolicy Exact(string name, Action<IEndpointConventionBuilder> with, string[] origins)
    {
        var listed = origins.Where(o => !o.Contains("invalid", StringComparison.Ordinal)).ToArray();
        return new(name, with, Configure(new CorsPolicyBuilder().WithOrigins(origins)), listed[listed.Length / 2]);
    }

    /// <summary>
    /// Regex origins: ASP.NET Core has none, so its policy gets what an application would write, an
    /// <c>IsOriginAllowed</c> predicate over compiled regexes (Kong's anchoring), tried in order.
    /// </summary>
    private static BenchmarkPolicy Regex(string name, Action<IEndpointConventionBuilder> with, string[] anchored)
    {
        var regexes = anchored.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant)).ToArray();
        var builder = new CorsPolicyBuilder().SetIsOriginAllowed(origin =>
        {
            foreach (var regex in regexes)
            {
                if (regex.IsMatch(origin))
                {
                    return true;
                }
            }

            return false;
        });
        return new(name, with, Configure(builder), "https://api.example.com");
    }

    /// <summary>What every benchmark policy allows besides its origins (see make-policies.py).</summary>
    private static CorsPolicy Configure(CorsPolicyBuilder builder) => builder
        .WithMethods("GET", "POST", "PUT")
        .WithHeaders("Content-Type", "X-Request-Id")
        .WithExposedHeaders("X-Total-Count")
        .AllowCredentials()
        .SetPreflightMaxAge(TimeSpan.FromSeconds(600))
        .Build();
}

/// <summary>
/// The floor: a filter that writes the headers CorsGen would write for a request, as constants, with no
/// check at all (it answers every origin as allowed or every origin as rejected, as told).
/// </summary>
internal static class HandWrittenFloor
{
    private static readonly Func<object, Task> WriteActualHeaders = static state =>
    {
        var headers = ((HttpContext)state).Response.Headers;
        headers.Vary = "Origin";
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlAllowOrigin = "https://app.example.com";
        headers.AccessControlExposeHeaders = "X-Total-Count";
        return Task.CompletedTask;
    };

    public static ValueTask<object?> Invoke(HttpContext context, bool preflight, EndpointFilterDelegate next, EndpointFilterInvocationContext invocation)
    {
        if (preflight)
        {
            var response = context.Response;
            var headers = response.Headers;
            response.StatusCode = 200;
            headers.Vary = "Origin";
            headers.AccessControlAllowCredentials = "true";
            headers.AccessControlAllowOrigin = "https://app.example.com";
            headers.AccessControlAllowHeaders = "Content-Type,X-Request-Id";
            headers.AccessControlAllowMethods = "GET,POST,PUT";
            headers.AccessControlMaxAge = "600";
            response.ContentLength = 0;
            return new ValueTask<object?>(Results.Empty);
        }

        context.Response.OnStarting(WriteActualHeaders, context);
        return next(invocation);
    }
}
