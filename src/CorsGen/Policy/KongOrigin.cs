namespace CorsGen.Policy
{
    /// <summary>
    /// Kong's <c>normalize_origin</c> (rule O8) over LuaSocket 3.0-rc1's <c>url.parse</c>, at build
    /// time, for literal entries. The generated code carries the same algorithm for request origins;
    /// tests hold both to the same cases.
    /// </summary>
    /// <remarks>
    /// url.parse strips <c>#fragment</c>, then a scheme <c>^[A-Za-z0-9][A-Za-z0-9+.-]*:</c>, then an
    /// authority <c>^//[^/]*</c>; inside the authority it strips <c>userinfo@</c> (up to the first
    /// <c>@</c>) and a port (after the last <c>:</c> that has no <c>:</c> or <c>]</c> after it), and
    /// unwraps <c>[ipv6]</c>. With no authority, or an empty host, the input is its own normal form.
    /// Kong then drops <c>:80</c> for <c>http</c> and <c>:443</c> for <c>https</c> (case-sensitive) and
    /// rebuilds <c>scheme://host[:port]</c>. Nothing is lower-cased.
    /// </remarks>
    internal readonly struct KongOrigin
    {
        private KongOrigin(string domain, string host)
        {
            Domain = domain;
            Host = host;
        }

        /// <summary>The normalized <c>scheme://host[:port]</c> (O8), compared by literal entries (O9) and sent as ACAO.</summary>
        public string Domain { get; }

        /// <summary>The host alone, the subject of host-only regex entries (O7); the whole input when it has no host.</summary>
        public string Host { get; }

        public static KongOrigin Normalize(string origin)
        {
            var end = origin.IndexOf('#');
            if (end < 0)
            {
                end = origin.Length;
            }

            var position = 0;
            string? scheme = null;
            if (end > 0 && IsAsciiLetterOrDigit(origin[0]))
            {
                var i = 1;
                while (i < end && IsSchemeChar(origin[i]))
                {
                    i++;
                }

                if (i < end && origin[i] == ':')
                {
                    scheme = origin.Substring(0, i);
                    position = i + 1;
                }
            }

            if (end - position < 2 || origin[position] != '/' || origin[position + 1] != '/')
            {
                return new KongOrigin(origin, origin);
            }

            var authorityStart = position + 2;
            var authorityEnd = origin.IndexOf('/', authorityStart, end - authorityStart);
            if (authorityEnd < 0)
            {
                authorityEnd = end;
            }

            var at = origin.IndexOf('@', authorityStart, authorityEnd - authorityStart);
            var hostStart = at < 0 ? authorityStart : at + 1;

            string? port = null;
            var hostEnd = authorityEnd;
            var colon = origin.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
            if (colon >= 0 && origin.IndexOf(']', colon, authorityEnd - colon) < 0)
            {
                port = origin.Substring(colon + 1, authorityEnd - colon - 1);
                hostEnd = colon;
            }

            if (hostEnd == hostStart)
            {
                return new KongOrigin(origin, origin);
            }

            var host = origin.Substring(hostStart, hostEnd - hostStart);
            if (host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']')
            {
                host = host.Substring(1, host.Length - 2);
            }

            if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443"))
            {
                port = null;
            }

            var domain = (scheme is null ? "" : scheme + "://") + host + (port is null ? "" : ":" + port);
            return new KongOrigin(domain, host);
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        private static bool IsSchemeChar(char c) => IsAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
    }
}
