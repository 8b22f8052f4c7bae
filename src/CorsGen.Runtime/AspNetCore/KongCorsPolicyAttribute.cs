using System;

namespace CorsGen
{
    /// <summary>
    /// The base of each policy's attribute (<c>[ShopCors]</c>), which applies the policy to a controller or an action, a
    /// Razor Pages page model or handler, or a minimal-API handler. Needs <c>app.UseKongCors()</c> (an attribute cannot
    /// add an endpoint filter). The closest wins: an action's attribute over its controller's, either over
    /// <c>WithKongCors(...)</c>; ASP.NET Core's <c>[DisableCors]</c> closer still opts the endpoint out.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public abstract class KongCorsPolicyAttribute : Attribute
    {
        /// <summary>Made by the generated attribute of a policy.</summary>
        /// <param name="policy">The policy (<c>ShopCors.Policy</c>).</param>
        protected KongCorsPolicyAttribute(KongCorsPolicy policy) =>
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));

        /// <summary>The policy the attribute applies.</summary>
        public KongCorsPolicy Policy { get; }
    }
}
