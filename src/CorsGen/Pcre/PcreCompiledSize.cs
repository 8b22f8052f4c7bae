namespace CorsGen.Pcre
{
    /// <summary>
    /// An estimate of the size of PCRE2's compiled code, to reproduce "regular expression is too large"
    /// (PCRE2 limits compiled patterns to 65536 code units with its default 2-byte links).
    /// </summary>
    internal static class PcreCompiledSize
    {
        public const int MaxPatternSize = 1 << 16;

        public static long Estimate(ParsedGroup root, PcreScanner scan) => 0;
    }
}
