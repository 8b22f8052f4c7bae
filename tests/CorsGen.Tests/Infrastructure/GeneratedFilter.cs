using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// The endpoint filter a generated <c>With&lt;Policy&gt;()</c> adds, built as routing builds it (its
/// conventions applied to an endpoint, then its filter factories), so tests and benchmarks call the real
/// generated request path without routing or a server around it. Shared with bench/CorsGen.Benchmarks.
/// </summary>
internal static class GeneratedFilter
{
    public static EndpointFilterDelegate Build(Action<IEndpointConventionBuilder> withPolicy) => Build(withPolicy, out _);

    /// <param name="withPolicy">Calls the generated <c>With...()</c> on the builder it is given.</param>
    /// <param name="endpoint">The endpoint as the conventions left it (its metadata, for checks).</param>
    /// <param name="applicationServices">The application's services (an application has an ILoggerFactory); none by default.</param>
    public static EndpointFilterDelegate Build(Action<IEndpointConventionBuilder> withPolicy, out RouteEndpointBuilder endpoint, IServiceProvider? applicationServices = null)
    {
        var conventions = new ConventionCollector();
        withPolicy(conventions);
        endpoint = new RouteEndpointBuilder(static _ => Task.CompletedTask, RoutePatternFactory.Parse("/items"), 0)
        {
            ApplicationServices = applicationServices ?? new ServiceCollection().BuildServiceProvider(),
        };
        endpoint.Metadata.Add(new HttpMethodMetadata(["GET", "POST", "PUT"]));
        conventions.ApplyTo(endpoint);

        EndpointFilterDelegate pipeline = static _ => ValueTask.FromResult<object?>(null);
        var context = new EndpointFilterFactoryContext
        {
            MethodInfo = typeof(GeneratedFilter).GetMethod(nameof(Handler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
            ApplicationServices = endpoint.ApplicationServices,
        };
        for (var i = endpoint.FilterFactories.Count - 1; i >= 0; i--)
        {
            pipeline = endpoint.FilterFactories[i](context, pipeline);
        }

        return pipeline;
    }

    private static string Handler() => "ok";

    private sealed class ConventionCollector : IEndpointConventionBuilder
    {
        private readonly List<Action<EndpointBuilder>> _conventions = [];
        private readonly List<Action<EndpointBuilder>> _finally = [];

        public void Add(Action<EndpointBuilder> convention) => _conventions.Add(convention);

        public void Finally(Action<EndpointBuilder> finallyConvention) => _finally.Add(finallyConvention);

        public void ApplyTo(EndpointBuilder endpoint)
        {
            _conventions.ForEach(c => c(endpoint));
            _finally.ForEach(c => c(endpoint));
        }
    }
}
