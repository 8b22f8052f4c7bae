using System;

namespace CorsGen.Pcre
{
    /// <summary>The option bits a pattern can change inline (<c>(?imnsxxJU)</c>), tracked while parsing.</summary>
    [Flags]
    internal enum PcreOptions
    {
        None = 0,
        Caseless = 1,
        Multiline = 2,
        DotAll = 4,
        Extended = 8,
        ExtendedMore = 16,
        NoAutoCapture = 32,
        Ungreedy = 64,
        DupNames = 128,
    }

    /// <summary>The newline convention, settable only by a start-of-pattern item such as <c>(*CR)</c>.</summary>
    internal enum PcreNewline
    {
        Lf,
        Cr,
        CrLf,
        Any,
        AnyCrLf,
        Nul,
    }
}
