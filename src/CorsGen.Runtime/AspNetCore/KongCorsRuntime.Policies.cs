using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>
        /// The CorsGen policy of an endpoint being built: the closest attribute (<c>[ShopCors]</c> on an action wins over
        /// its controller's), else the closest <c>WithKongCors(...)</c> convention. MVC adds an endpoint's conventions after
        /// its attributes, so "last" alone would let a convention win.
        /// </summary>
        /// <param name="metadata">The endpoint's metadata.</param>
        /// <param name="fromAttribute">Whether the policy is an attribute's.</param>
        internal static KongCorsPolicy? FindPolicy(IList<object> metadata, out bool fromAttribute)
        {
            KongCorsPolicy? convention = null;
            for (var i = metadata.Count - 1; i >= 0; i--)
            {
                if (metadata[i] is KongCorsPolicyAttribute attribute)
                {
                    fromAttribute = true;
                    return attribute.Policy;
                }

                convention ??= metadata[i] as KongCorsPolicy;
            }

            fromAttribute = false;
            return convention;
        }

        /// <summary>The CorsGen policy of a routed endpoint, as the middleware finds it: the closest attribute, else the closest convention.</summary>
        /// <param name="metadata">The endpoint's metadata.</param>
        /// <param name="fromAttribute">Whether the policy is an attribute's.</param>
        internal static KongCorsPolicy? FindPolicy(EndpointMetadataCollection metadata, out bool fromAttribute)
        {
            // Both lookups are cached by the collection: nothing is allocated or scanned per request.
            var attributes = metadata.GetOrderedMetadata<KongCorsPolicyAttribute>();
            fromAttribute = attributes.Count > 0;
            return fromAttribute ? attributes[attributes.Count - 1].Policy : metadata.GetMetadata<KongCorsPolicy>();
        }

        /// <summary>Whether two policies are one: the same identity, whichever application's instance each is.</summary>
        internal static bool SamePolicy(KongCorsPolicy? x, KongCorsPolicy? y) =>
            x is not null && y is not null && ReferenceEquals(x.Identity, y.Identity);
    }
}
