using System;
using System.Collections.Generic;

namespace CorsGen.Policy
{
    /// <summary>Names the Fetch standard treats specially, for the analyzer's checks on Methods and headers.</summary>
    internal static class HttpNames
    {
        /// <summary>Fetch: forbidden methods, which a page can never send (byte-case-insensitive).</summary>
        public static bool IsForbiddenMethod(string method) =>
            method.Equals("CONNECT", StringComparison.OrdinalIgnoreCase)
            || method.Equals("TRACE", StringComparison.OrdinalIgnoreCase)
            || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase);

        private static readonly HashSet<string> ForbiddenRequestHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
            "Access-Control-Request-Private-Network", "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT",
            "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding",
            "Upgrade", "Via",
        };

        private static readonly HashSet<string> CorsResponseHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Expose-Headers",
            "Access-Control-Allow-Private-Network",
        };

        private static readonly HashSet<string> ForbiddenResponseHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Set-Cookie", "Set-Cookie2",
        };

        /// <summary>
        /// What a name is that makes it useless in Headers, or null: one of Fetch's forbidden request headers
        /// (or a <c>Proxy-</c>/<c>Sec-</c> name), which the browser alone sets, or a CORS response header,
        /// never a request header. Completes the CORS036 message "Headers entry 'X' is ...".
        /// </summary>
        public static string? WhyNotARequestHeader(string name)
        {
            if (ForbiddenRequestHeaders.Contains(name)
                || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Sec-", StringComparison.OrdinalIgnoreCase))
            {
                return "a forbidden request header, which only the browser sets";
            }

            return CorsResponseHeaders.Contains(name)
                ? "a CORS response header, never sent in a request"
                : null;
        }

        /// <summary>
        /// What a name is that makes exposing it useless (ExposedHeaders), or null: a request header, or a header
        /// only preflight answers carry. Completes the CORS036 message; Set-Cookie has its own diagnostic.
        /// </summary>
        public static string? WhyNotExposable(string name)
        {
            if (name.StartsWith("Access-Control-Request-", StringComparison.OrdinalIgnoreCase) || name.Equals("Origin", StringComparison.OrdinalIgnoreCase))
            {
                return "a request header, never sent in a response";
            }

            return name.Equals("Access-Control-Allow-Methods", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Access-Control-Allow-Headers", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Access-Control-Max-Age", StringComparison.OrdinalIgnoreCase)
                ? "a preflight-only header, which pages never read"
                : null;
        }

        public static bool IsForbiddenResponseHeader(string name) => ForbiddenResponseHeaders.Contains(name);

        /// <summary>Whether a host is loopback or a localhost name (RFC 6761): plain http is acceptable for those.</summary>
        public static bool IsLoopbackHost(string host)
        {
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (host == "[::1]" || host == "::1")
            {
                return true;
            }

            var parts = host.Split('.');
            return parts.Length == 4 && parts[0] == "127" && Array.TrueForAll(parts, p => byte.TryParse(p, out _));
        }
    }
}
