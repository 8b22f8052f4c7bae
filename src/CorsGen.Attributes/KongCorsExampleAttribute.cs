using System;

namespace CorsGen
{
    /// <summary>
    /// An origin the <c>[KongCors]</c> policy on the same class must allow, or with <see cref="Allowed"/> = false refuse.
    /// The analyzer evaluates every example against the compiled policy at build time and reports an error (CORS047) at
    /// an example the policy disagrees with, saying which entry allowed the origin or why none did.
    /// </summary>
    /// <example>
    /// <code>
    /// [KongCors(Origins = [@"https://(.+\.)?example\.com"])]
    /// [KongCorsExample("https://shop.example.com")]
    /// [KongCorsExample("https://evilexample.com", Allowed = false)]
    /// static partial class ShopCors;
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class KongCorsExampleAttribute : Attribute
    {
        /// <summary>An example origin, as a browser sends it in the <c>Origin</c> header.</summary>
        /// <param name="origin">The origin, e.g. <c>https://shop.example.com</c>.</param>
        public KongCorsExampleAttribute(string origin) => Origin = origin;

        /// <summary>The example origin.</summary>
        public string Origin { get; }

        /// <summary>
        /// Whether the policy must allow the origin (the default), that is send an Access-Control-Allow-Origin that is
        /// <c>*</c> or the origin itself, or refuse it (false).
        /// </summary>
        public bool Allowed { get; set; } = true;
    }
}
