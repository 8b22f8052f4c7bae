extern alias runtime;

using System.Reflection;
using Microsoft.AspNetCore.Builder;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// CorsGen.Runtime as the tests call it: the library holds <c>UseKongCors()</c> and <c>KongCorsPolicy</c> (referenced under
/// the alias <c>runtime</c>, as it compiles the generator's internal types too), and a generated policy class holds its
/// <c>Policy</c>.
/// </summary>
internal static class RuntimeLibrary
{
    /// <summary><c>app.UseKongCors()</c>, or <c>app.UseKongCors(defaultPolicy)</c> with a policy's <see cref="PolicyOf"/>.</summary>
    public static void UseKongCors(IApplicationBuilder app, object? defaultPolicy = null)
    {
        if (defaultPolicy is null)
        {
            runtime::Microsoft.AspNetCore.Builder.KongCorsApplicationBuilderExtensions.UseKongCors(app);
        }
        else
        {
            runtime::Microsoft.AspNetCore.Builder.KongCorsApplicationBuilderExtensions.UseKongCors(app, (runtime::CorsGen.KongCorsPolicy)defaultPolicy);
        }
    }

    /// <summary>The generated <c>Policy</c> of the policy class <paramref name="policyClass"/> (its full name) in <paramref name="assembly"/>.</summary>
    public static object PolicyOf(Assembly assembly, string policyClass) =>
        assembly.GetType(policyClass, throwOnError: true)!.GetProperty("Policy")!.GetValue(null)!;
}
