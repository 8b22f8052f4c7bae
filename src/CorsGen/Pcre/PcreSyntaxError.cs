namespace CorsGen.Pcre
{
    /// <summary>
    /// Why PCRE2 rejects a pattern, exactly as <c>pcre2_compile</c> reports it.
    /// </summary>
    /// <param name="Code">PCRE2's error number as <c>pcre2_compile</c> returns it (compile errors are 101..199,
    /// e.g. 109; UTF-8 validity errors in <c>(*UTF)</c> mode are negative, e.g. -3).</param>
    /// <param name="Message">PCRE2's own text for <paramref name="Code"/> (what <c>pcre2_get_error_message</c> gives).</param>
    /// <param name="Offset">PCRE2's error offset: a byte offset into the UTF-8 pattern.</param>
    internal sealed record PcreSyntaxError(int Code, string Message, int Offset);
}
