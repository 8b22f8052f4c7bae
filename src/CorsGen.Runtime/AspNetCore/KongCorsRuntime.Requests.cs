using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>R2: a repeated request header counts by its first value.</summary>
        public static string? First(StringValues values) => values.Count == 0 ? null : values[0];

        /// <summary>R1: OPTIONS (exactly), a non-empty Origin, and an Access-Control-Request-Method (even empty).</summary>
        /// <param name="request">The request.</param>
        /// <param name="requestOrigin">The Origin of a preflight (its first value), so the answer does not look it up again.</param>
        public static bool IsPreflight(HttpRequest request, [NotNullWhen(true)] out string? requestOrigin)
        {
            requestOrigin = null;
            if (!string.Equals(request.Method, "OPTIONS", StringComparison.Ordinal))
            {
                return false;
            }

            requestOrigin = First(request.Headers.Origin);
            return !string.IsNullOrEmpty(requestOrigin) && request.Headers.AccessControlRequestMethod.Count > 0;
        }

        /// <summary>
        /// O2, A3: adds <c>Vary: Origin</c> as its own value, keeping the endpoint's Vary. Once: a response that already
        /// varies by Origin (an exception handler re-running the pipeline, a second policy) is left as it is.
        /// </summary>
        public static void AppendVaryOrigin(IHeaderDictionary headers)
        {
            var vary = headers.Vary;
            for (var i = 0; i < vary.Count; i++)
            {
                var value = vary[i].AsSpan();
                while (!value.IsEmpty)
                {
                    var comma = value.IndexOf(',');
                    var item = (comma < 0 ? value : value.Slice(0, comma)).Trim();
                    if (item.Equals("Origin", StringComparison.OrdinalIgnoreCase))
                    {
                        return;
                    }

                    value = comma < 0 ? default : value.Slice(comma + 1);
                }
            }

            headers.Vary = StringValues.Concat(vary, "Origin");
        }
    }
}
