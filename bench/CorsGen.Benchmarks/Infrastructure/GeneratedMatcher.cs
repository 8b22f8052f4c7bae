using System.Reflection;

namespace CorsGen.Benchmarks.Infrastructure;

/// <summary>A generated origin matcher: one automaton over every regex entry of a policy.</summary>
public delegate bool SpanMatcher(ReadOnlySpan<char> subject);

/// <summary>
/// Reaches the matcher CorsGen generated for a policy's regex entries (a private method of the policy's
/// file-local request-path class), so its cost can be measured apart from header handling.
/// </summary>
internal static class GeneratedMatcher
{
    public static SpanMatcher For(string policyClass)
    {
        var type = typeof(GeneratedMatcher).Assembly.GetTypes().Single(t => t.Name.Contains("__" + policyClass + "RequestPath", StringComparison.Ordinal));
        var method = type.GetMethod("MatchesOriginRegexes", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException(policyClass + " has no regex entry with a ':'");
        return method.CreateDelegate<SpanMatcher>();
    }
}
