using System;
using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen
{
    /// <summary>
    /// Reports, when the application starts, each endpoint whose CORS policy is an attribute (<c>[ShopCors]</c>) while
    /// app.UseKongCors() is not in the pipeline: such an endpoint would get no CORS headers at all. The generator names it
    /// in the application's <c>[assembly: HostingStartup(...)]</c>; ASP.NET Core runs the hosting startup of the
    /// application's assembly (unless the app sets <c>PreventHostingStartup</c>), which adds a startup filter that checks
    /// once the application has built its pipeline. An app with UseKongCors() pays one lookup at startup and nothing per
    /// request.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public class KongCorsStartupCheck : IHostingStartup, IStartupFilter
    {
        /// <summary>Adds the startup filter.</summary>
        /// <param name="builder">The application's host builder.</param>
        public void Configure(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(this));
        }

        /// <summary>Builds the application's pipeline, then checks its endpoints.</summary>
        /// <param name="next">The rest of the application's configuration.</param>
        /// <returns>The configuration with the check after it.</returns>
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            Check(app.ApplicationServices);
        };

        /// <summary>Whether the application's configured origins are read and checked too, before it serves.</summary>
        private protected virtual bool ReadsConfiguredOrigins => false;

        /// <summary>The checks, once the pipeline is built.</summary>
        /// <param name="services">The application's services.</param>
        private void Check(IServiceProvider services) =>
            KongCorsRuntime.CheckEndpoints(services, ReadsConfiguredOrigins);
    }

    /// <summary>
    /// <see cref="KongCorsStartupCheck"/> for an application with a policy whose origins come from configuration: its
    /// configured origins are also read and checked before it serves, so bad configuration stops it at startup.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class KongCorsConfiguredOriginsStartupCheck : KongCorsStartupCheck
    {
        private protected override bool ReadsConfiguredOrigins => true;
    }
}
