using CorsGen.CodeFixes;
using CorsGen.Tests.Analyzer;

namespace CorsGen.Tests.CodeFixes;

/// <summary>
/// CORS014 and its fixes: where the Request Delegate Generator runs, a route builder typed only through a generated
/// <c>With&lt;Policy&gt;()</c> is reported, and the fixes give the two forms that keep its type visible. The policy's
/// generated members are written out by hand here (with <c>[GeneratedCode("CorsGen")]</c>, which is how the analyzer
/// knows them), so the sources are what the Request Delegate Generator sees plus those members.
/// </summary>
public sealed class RequestDelegateGeneratorChainFixTests
{
    private const string Generated = """

        namespace Shop
        {
            internal static partial class ShopCors
            {
                public static CorsGen.KongCorsPolicy Policy => null!;
            }

            [System.CodeDom.Compiler.GeneratedCode("CorsGen", "1.0.0")]
            internal static class ShopCorsExtensions
            {
                public static TBuilder WithShopCors<TBuilder>(this TBuilder builder)
                    where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder => builder;
            }

            [System.CodeDom.Compiler.GeneratedCode("CorsGen", "1.0.0")]
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            internal sealed class ShopCorsAttribute : System.Attribute
            {
            }
        }
        """;

    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Shop;

        """;

    [Fact]
    public Task A_chain_or_local_that_Map_calls_use_is_reported_and_a_statement_of_its_own_is_not() => AnalyzerVerifier.VerifyAsync(Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").{|CORS014:WithShopCors|}();
                api.MapGet("/items", () => "a");

                app.MapGroup("/chain").{|CORS014:WithShopCors|}().RequireAuthorization().MapGet("/x", () => "x");

                RouteGroupBuilder assigned;
                assigned = app.MapGroup("/assigned").{|CORS014:WithShopCors|}();
                assigned.MapPost("/y", () => "y");

                // Harmless: the result is not used as a route builder.
                var statement = app.MapGroup("/statement");
                statement.WithShopCors();
                statement.MapGet("/z", () => "z");
                app.MapGroup("/alone").WithShopCors();
                var unmapped = app.MapGroup("/unmapped").WithShopCors();
                unmapped.RequireAuthorization();
                app.MapGet("/endpoint", () => "e").WithShopCors().WithName("endpoint");

                // The library's method is never reported: the Request Delegate Generator sees it.
                var library = app.MapGroup("/library").WithKongCors(ShopCors.Policy);
                library.MapGet("/w", () => "w");
            }
        }
        """ + Generated, requestDelegateGenerator: true);

    [Fact]
    public Task Nothing_is_reported_where_the_Request_Delegate_Generator_does_not_run() => AnalyzerVerifier.VerifyAsync(Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").WithShopCors();
                api.MapGet("/items", () => "a");
            }
        }
        """ + Generated);

    [Fact]
    public Task The_statement_fix_applies_the_policy_in_a_statement_of_its_own() => CodeFixVerifier<RequestDelegateGeneratorChainFix>.VerifyAsync(
        Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").{|CORS014:WithShopCors|}();
                api.MapGet("/items", () => "a");
            }
        }
        """ + Generated,
        Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api");
                api.WithShopCors();
                api.MapGet("/items", () => "a");
            }
        }
        """ + Generated,
        equivalenceKey: RequestDelegateGeneratorChainFix.StatementKey,
        requestDelegateGenerator: true);

    [Fact]
    public Task The_library_fix_keeps_the_chain_with_WithKongCors() => CodeFixVerifier<RequestDelegateGeneratorChainFix>.VerifyAsync(
        Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").{|CORS014:WithShopCors|}();
                api.MapGet("/items", () => "a");
                app.MapGroup("/chain").{|CORS014:WithShopCors|}().MapGet("/x", () => "x");
            }
        }
        """ + Generated,
        Usings + """
        internal static class Routes
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").WithKongCors(ShopCors.Policy);
                api.MapGet("/items", () => "a");
                app.MapGroup("/chain").WithKongCors(ShopCors.Policy).MapGet("/x", () => "x");
            }
        }
        """ + Generated,
        equivalenceKey: RequestDelegateGeneratorChainFix.LibraryKey,
        requestDelegateGenerator: true);
}
