using CorsGen.Model;
using CorsGen.Policy;

namespace CorsGen.Emit
{
    /// <summary>
    /// Writes the file-local helpers a policy's request path uses: reading request headers (R1, R2),
    /// the D4 checks on values that may be reflected, and Kong's origin normalization (O8). Only the
    /// helpers a policy needs are written, so each generated file stands alone.
    /// </summary>
    internal static class RuntimeHelpersEmitter
    {
        /// <summary>D4: the longest Origin or Access-Control-Request-Headers value that is matched or reflected.</summary>
        public const int MaxReflectedLength = 4096;

        public static void Write(SourceWriter writer, CompiledPolicy policy, CompilationFacts facts)
        {
            writer.Line();
            WriteRequestHelpers(writer, policy, facts);
            if (policy.Origins.Mode == OriginMode.List)
            {
                writer.Line();
                WriteOriginParser(writer);
            }
        }

        private static void WriteRequestHelpers(SourceWriter writer, CompiledPolicy policy, CompilationFacts facts)
        {
            writer.Line("/// <summary>Reading and checking request headers, as Kong's handler reads them.</summary>");
            writer.Open($"file static class {EmittedNames.Request}");
            writer.Line("/// <summary>D4: the longest Origin or Access-Control-Request-Headers value that is matched or reflected.</summary>");
            writer.Line($"private const int MaxReflectedLength = {MaxReflectedLength};");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// D4: the Origin to match and reflect, or <see langword=\"null\"/> when it is absent or empty (R1), or is not a");
            writer.Line("/// valid header value to send back: anything but visible ASCII, or longer than 4096 chars.");
            writer.Line("/// </summary>");
            writer.Open("internal static string? ValidOrigin(string? value)");
            writer.Line("if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)");
            writer.Line("{");
            writer.Indent().Line("return null;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("foreach (var c in value)");
            writer.Line("{");
            writer.Indent();
            writer.Line("if (c < '!' || c > '~')");
            writer.Line("{");
            writer.Indent().Line("return null;").Outdent();
            writer.Line("}");
            writer.Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("return value;");
            writer.Close();

            if (facts.HasAspNetCore)
            {
                writer.Line();
                writer.Line("/// <summary>R2: a repeated request header counts by its first value.</summary>");
                writer.Line("internal static string? First(global::Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values[0];");
                writer.Line();
                writer.Line("/// <summary>R1: OPTIONS (exactly), a non-empty Origin, and an Access-Control-Request-Method (even empty).</summary>");
                writer.Line("internal static bool IsPreflight(global::Microsoft.AspNetCore.Http.HttpRequest request) =>");
                writer.Indent();
                writer.Line("string.Equals(request.Method, \"OPTIONS\", global::System.StringComparison.Ordinal)");
                writer.Line("&& !string.IsNullOrEmpty(First(request.Headers.Origin))");
                writer.Line("&& request.Headers.AccessControlRequestMethod.Count > 0;");
                writer.Outdent();

                if (policy.AllowHeaders is null && !policy.PreflightContinue)
                {
                    writer.Line();
                    WriteHeaderNameList(writer);
                }
            }

            writer.Close();
        }

        private static void WriteHeaderNameList(SourceWriter writer)
        {
            writer.Line("/// <summary>");
            writer.Line("/// D4: whether an Access-Control-Request-Headers value may be reflected: header names (RFC 9110 tokens)");
            writer.Line("/// separated by commas, with optional spaces or tabs around them, at most 4096 chars.");
            writer.Line("/// </summary>");
            writer.Open("internal static bool IsHeaderNameList(string? value)");
            writer.Line("if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)");
            writer.Line("{");
            writer.Indent().Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("var i = 0;");
            writer.Line("while (true)");
            writer.Line("{");
            writer.Indent();
            writer.Line("while (i < value.Length && value[i] is ' ' or '\\t')");
            writer.Line("{");
            writer.Indent().Line("i++;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("var start = i;");
            writer.Line("while (i < value.Length && IsTokenChar(value[i]))");
            writer.Line("{");
            writer.Indent().Line("i++;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("if (i == start)");
            writer.Line("{");
            writer.Indent().Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("while (i < value.Length && value[i] is ' ' or '\\t')");
            writer.Line("{");
            writer.Indent().Line("i++;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("if (i == value.Length)");
            writer.Line("{");
            writer.Indent().Line("return true;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("if (value[i] != ',')");
            writer.Line("{");
            writer.Indent().Line("return false;").Outdent();
            writer.Line("}");
            writer.Line();
            writer.Line("i++;");
            writer.Outdent();
            writer.Line("}");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>RFC 9110 <c>tchar</c>.</summary>");
            writer.Line("private static bool IsTokenChar(char c) =>");
            writer.Indent().Line("char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';").Outdent();
        }

        private static void WriteOriginParser(SourceWriter writer)
        {
            writer.Line("/// <summary>");
            writer.Line("/// O8: Kong's <c>normalize_origin</c> over LuaSocket 3.0-rc1's <c>url.parse</c>, without copying any origin a");
            writer.Line("/// browser sends. Drops <c>#fragment</c>, <c>userinfo@</c>, path, query, <c>[]</c> around an IPv6 host, and");
            writer.Line("/// <c>:80</c> for http and <c>:443</c> for https; lower-cases nothing. Without <c>//authority</c> (or with an");
            writer.Line("/// empty host) the origin is its own normal form.");
            writer.Line("/// </summary>");
            writer.Open($"file static class {EmittedNames.OriginParser}");
            writer.Line("/// <param name=\"origin\">A request Origin that passed D4 (visible ASCII).</param>");
            writer.Line("/// <param name=\"domain\">The normalized <c>scheme://host[:port]</c>: what literal entries are compared with and what is sent back.</param>");
            writer.Line("/// <param name=\"host\">The host alone: the subject of host-only regex entries (O7).</param>");
            writer.Line("internal static void Normalize(string origin, out global::System.ReadOnlySpan<char> domain, out global::System.ReadOnlySpan<char> host)");
            writer.Line("{");
            writer.Indent();
            writer.Lines(
                "domain = origin;",
                "host = origin;",
                "var text = global::System.MemoryExtensions.AsSpan(origin);",
                "",
                "// url.parse strips the fragment first.",
                "var end = global::System.MemoryExtensions.IndexOf(text, '#');",
                "if (end < 0)",
                "{",
                "    end = text.Length;",
                "}",
                "",
                "// A scheme: ^[A-Za-z0-9][A-Za-z0-9+.-]*:",
                "var schemeEnd = -1;",
                "if (end > 0 && char.IsAsciiLetterOrDigit(text[0]))",
                "{",
                "    var i = 1;",
                "    while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))",
                "    {",
                "        i++;",
                "    }",
                "",
                "    if (i < end && text[i] == ':')",
                "    {",
                "        schemeEnd = i;",
                "    }",
                "}",
                "",
                "// Then an authority: ^//[^/]*. Without one the origin is its own normal form.",
                "var authorityStart = schemeEnd + 3;",
                "if (authorityStart > end || text[authorityStart - 2] != '/' || text[authorityStart - 1] != '/')",
                "{",
                "    return;",
                "}",
                "",
                "var slash = global::System.MemoryExtensions.IndexOf(text.Slice(authorityStart, end - authorityStart), '/');",
                "var authorityEnd = slash < 0 ? end : authorityStart + slash;",
                "",
                "// userinfo@ up to the first '@'; a port after the last ':' that no ':' or ']' follows.",
                "var at = global::System.MemoryExtensions.IndexOf(text.Slice(authorityStart, authorityEnd - authorityStart), '@');",
                "var hostStart = at < 0 ? authorityStart : authorityStart + at + 1;",
                "var hostEnd = authorityEnd;",
                "var colon = global::System.MemoryExtensions.LastIndexOf(text.Slice(hostStart, authorityEnd - hostStart), ':');",
                "if (colon >= 0 && global::System.MemoryExtensions.IndexOf(text.Slice(hostStart + colon, authorityEnd - hostStart - colon), ']') < 0)",
                "{",
                "    hostEnd = hostStart + colon;",
                "}",
                "",
                "if (hostEnd == hostStart)",
                "{",
                "    // An empty host: the origin is its own normal form.",
                "    return;",
                "}",
                "",
                "var hostText = text.Slice(hostStart, hostEnd - hostStart);",
                "var bracketed = hostText.Length > 2 && hostText[0] == '[' && hostText[hostText.Length - 1] == ']';",
                "host = bracketed ? hostText.Slice(1, hostText.Length - 2) : hostText;",
                "",
                "// Kong drops the default port of http and https (case-sensitive).",
                "var scheme = schemeEnd < 0 ? global::System.ReadOnlySpan<char>.Empty : text.Slice(0, schemeEnd);",
                "var hasPort = hostEnd < authorityEnd;",
                "var port = hasPort ? text.Slice(hostEnd + 1, authorityEnd - hostEnd - 1) : global::System.ReadOnlySpan<char>.Empty;",
                "var keepPort = hasPort",
                "    && !((global::System.MemoryExtensions.SequenceEqual(scheme, \"http\") && global::System.MemoryExtensions.SequenceEqual(port, \"80\"))",
                "        || (global::System.MemoryExtensions.SequenceEqual(scheme, \"https\") && global::System.MemoryExtensions.SequenceEqual(port, \"443\")));",
                "",
                "if (at < 0 && !bracketed)",
                "{",
                "    // Every origin a browser sends: the normal form is a slice of the header, nothing is copied.",
                "    var domainStart = schemeEnd < 0 ? hostStart : 0;",
                "    domain = text.Slice(domainStart, (keepPort ? authorityEnd : hostEnd) - domainStart);",
                "    return;",
                "}",
                "",
                "// userinfo or an IPv6 host: the normal form is not one slice of the header, so it is built.",
                "var prefix = string.Concat(scheme, schemeEnd < 0 ? global::System.ReadOnlySpan<char>.Empty : \"://\", host);",
                "domain = keepPort ? string.Concat(prefix, \":\", port) : prefix;");
            writer.Outdent();
            writer.Line("}");
            writer.Close();
        }
    }
}
