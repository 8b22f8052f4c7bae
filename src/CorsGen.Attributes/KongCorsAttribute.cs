using System;

namespace CorsGen
{
    /// <summary>
    /// Declares a CORS policy with the semantics of the Kong gateway's <c>cors</c> plugin.
    /// Put it on a <c>static partial class</c>; the CorsGen source generator then emits, in the
    /// class's namespace, a <c>With&lt;ClassName&gt;()</c> extension for any endpoint convention
    /// builder (a route group or a single endpoint), and on the class a
    /// <c>GetAllowOrigin(string?)</c> method and a nested <c>Metadata</c> type.
    /// </summary>
    /// <remarks>
    /// Whether a property was set is read from the attribute's named arguments, so leaving a
    /// property out is not the same as setting it to its type's default: an unset
    /// <see cref="Origins"/> allows every origin, an unset <see cref="Headers"/> reflects the
    /// request's headers, and an unset <see cref="MaxAge"/> sends no Access-Control-Max-Age.
    /// Invalid or insecure policies are reported as compiler diagnostics (CORS001...).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class KongCorsAttribute : Attribute
    {
        /// <summary>
        /// Kong field <c>origins</c>: the origins allowed to read responses. Each entry is
        /// <c>*</c> (every origin), an exact origin such as <c>https://shop.example.com</c>
        /// (default ports are ignored), a host-only entry (no <c>:</c>), or a PCRE regex: an entry
        /// with any character outside <c>A-Z a-z 0-9 . : / -</c> is a regex, anchored at both
        /// ends, matched against the host when it has no <c>:</c> and against
        /// <c>scheme://host[:port]</c> otherwise. Entries are tried in order.
        /// Default: not set, which allows every origin (<c>Access-Control-Allow-Origin: *</c>).
        /// </summary>
        public string[] Origins { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Kong field <c>methods</c>: the value of Access-Control-Allow-Methods on preflight
        /// answers, joined with commas. Default: <c>GET,HEAD,PUT,PATCH,POST,DELETE</c>.
        /// </summary>
        public string[] Methods { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Kong field <c>headers</c>: the value of Access-Control-Allow-Headers on preflight
        /// answers, joined with commas. Default: not set, which reflects the request's
        /// Access-Control-Request-Headers (when it is a valid list of header names).
        /// </summary>
        public string[] Headers { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Kong field <c>exposed_headers</c>: the value of Access-Control-Expose-Headers on
        /// actual (non-preflight) responses, joined with commas. Default: not set (none).
        /// </summary>
        public string[] ExposedHeaders { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Kong field <c>credentials</c>: send <c>Access-Control-Allow-Credentials: true</c>.
        /// Default: <c>false</c>.
        /// </summary>
        public bool Credentials { get; set; }

        /// <summary>
        /// Kong field <c>max_age</c>: the value of Access-Control-Max-Age, in seconds, on
        /// preflight answers (sent whenever set, <c>0</c> included). Default: not set (not sent).
        /// </summary>
        public int MaxAge { get; set; }

        /// <summary>
        /// Kong field <c>preflight_continue</c>: do not answer preflights; let them continue to
        /// whatever the application routes <c>OPTIONS</c> to, with no CORS headers from this
        /// policy. Default: <c>false</c>.
        /// </summary>
        public bool PreflightContinue { get; set; }

        /// <summary>
        /// Kong field <c>private_network</c>: answer a preflight that carries
        /// <c>Access-Control-Request-Private-Network: true</c> with
        /// <c>Access-Control-Allow-Private-Network: true</c>. Default: <c>false</c>.
        /// </summary>
        public bool PrivateNetwork { get; set; }

        /// <summary>
        /// Kong field <c>allow_origin_absent</c>: when <c>true</c>, responses to requests without
        /// an <c>Origin</c> header (or with an empty one) still get the policy's CORS headers;
        /// when <c>false</c> they get none. Default: <c>true</c>.
        /// </summary>
        public bool AllowOriginAbsent { get; set; } = true;

        /// <summary>
        /// A configuration key, such as <c>"Cors:Origins"</c>, whose origin entries are appended to <see cref="Origins"/>
        /// when the application starts: a JSON array of strings (<c>Cors__Origins__0</c> in the environment) or one
        /// comma-separated string (Kong's <c>config.origins=a,b</c>). Kong's rules apply to the combined list, the
        /// attribute's entries first, exactly as if every entry had been written here. Every entry is checked when the
        /// endpoints are built, with the analyzer's own rules: a bad entry stops the application with the key, the
        /// entry's index and the analyzer's message. A missing or empty key adds no origin, and a policy left with no
        /// origin at all fails to start (an empty list must never become Kong's allow-all, which only <see cref="Origins"/>
        /// can ask for). Read once per application. Needs the CorsGen.Runtime assembly (in the CorsGen package).
        /// Default: not set (every origin is fixed at build time).
        /// </summary>
        public string? OriginsFromConfiguration { get; set; }
    }
}
