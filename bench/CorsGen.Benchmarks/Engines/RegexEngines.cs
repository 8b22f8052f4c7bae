using System.Text;
using System.Text.RegularExpressions;
using CorsGen.Tests.Oracle;

namespace CorsGen.Benchmarks.Engines;

/// <summary>
/// The regex engines CorsGen is compared with, each holding one regex per entry and trying them in
/// order, as a run-time implementation (and Kong) does.
/// </summary>
internal sealed class RegexEngines : IDisposable
{
    private readonly Regex[] _generated;
    private readonly Regex[] _compiled;
    private readonly Regex[] _nonBacktracking;
    private readonly Pcre2.Regex[] _pcre2Jit;

    public RegexEngines(Regex[] generated, string[] anchoredPatterns)
    {
        _generated = generated;
        _compiled = anchoredPatterns.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant)).ToArray();
        _nonBacktracking = anchoredPatterns.Select(p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)).ToArray();
        _pcre2Jit = anchoredPatterns.Select(p => Pcre2.Create(p, jit: true)).ToArray();
    }

    public static bool AnyMatch(Regex[] regexes, string subject)
    {
        foreach (var regex in regexes)
        {
            if (regex.IsMatch(subject))
            {
                return true;
            }
        }

        return false;
    }

    public bool GeneratedRegex(string subject) => AnyMatch(_generated, subject);

    public bool Compiled(string subject) => AnyMatch(_compiled, subject);

    public bool NonBacktracking(string subject) => AnyMatch(_nonBacktracking, subject);

    /// <summary>PCRE2 with JIT, anchored (Kong's <c>ngx.re.find(subject, regex, "ajo")</c>); the subject as its bytes, converted beforehand.</summary>
    public bool Pcre2Jit(byte[] subject)
    {
        foreach (var regex in _pcre2Jit)
        {
            if (regex.IsAnchoredMatchOrLimit(subject))
            {
                return true;
            }
        }

        return false;
    }

    public static byte[] Bytes(string subject) => Encoding.ASCII.GetBytes(subject);

    public void Dispose()
    {
        foreach (var regex in _pcre2Jit)
        {
            regex.Dispose();
        }
    }
}
