using CorsGen.Pcre;
using CorsGen.Tests.Oracle;

namespace CorsGen.Tests.Pcre;

/// <summary>Runs a pattern through our parser and through the real PCRE2, and compares what they say.</summary>
internal static class PcreDifferential
{
    public sealed record Outcome(string Pattern, bool OursOk, int OursCode, int OursOffset, string OursMessage, bool PcreOk, int PcreCode, int PcreOffset, string PcreMessage)
    {
        public bool SameValidity => OursOk == PcreOk;

        public bool SameError => SameValidity && OursCode == PcreCode && OursOffset == PcreOffset && OursMessage == PcreMessage;

        public override string ToString() =>
            $"{Show(Pattern)}: ours {(OursOk ? "accepts" : $"{OursCode} at {OursOffset} ({OursMessage})")}, " +
            $"PCRE2 {(PcreOk ? "accepts" : $"{PcreCode} at {PcreOffset} ({PcreMessage})")}";
    }

    public static Outcome Compare(string pattern)
    {
        var ours = PcreParser.Parse(pattern);
        var pcre = Pcre2.TryCompile(pattern, utf8: true);
        return new Outcome(
            pattern,
            ours.Error is null,
            ours.Error?.Code ?? 0,
            ours.Error?.Offset ?? 0,
            ours.Error?.Message ?? "",
            pcre.Ok,
            pcre.ErrorCode,
            pcre.ErrorOffset,
            pcre.Message);
    }

    /// <summary>A pattern as a C# literal, so a failure message can be pasted back into a test.</summary>
    public static string Show(string pattern)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in pattern)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
