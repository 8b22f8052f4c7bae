using System.Collections.Immutable;
using System.Threading.Tasks;
using CorsGen.CodeFixes.Editing;
using CorsGen.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes
{
    /// <summary>
    /// CORS023: Kong appends '$' to <c>a|b</c>, which anchors only <c>b</c>. Wraps the alternatives in a
    /// group, <c>(?:a|b)</c>, so the anchor applies to all of them; a leading '^' and a trailing '$' stay
    /// outside the group (<c>^(?:a|b)$</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapAlternationInGroupFix))]
    public sealed class WrapAlternationInGroupFix : CodeFixProvider
    {
        public const string EquivalenceKey = "CORS023.WrapAlternationInGroup";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Diagnostics.PartlyAnchoredAlternation.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            LiteralRewrite.RegisterAsync(context, EquivalenceKey, (value, _) =>
                new Rewrite("Wrap the alternatives in a group: '" + Wrap(value) + "'", Wrap(value)));

        /// <summary>
        /// <c>a|b</c> as <c>(?:a|b)</c>, with an anchor at either end kept outside the group. A host-only entry
        /// (no ':', rule O7) gets a plain group <c>(a|b)</c> instead: the ':' of <c>(?:</c> would make Kong match
        /// it against the whole origin rather than the host.
        /// </summary>
        internal static string Wrap(string entry)
        {
            // Kong's anchors stay outside the group, except a final escaped '\$', which is part of the last branch.
            var (start, end) = OriginEntry.RegexBody(entry);
            if (end < entry.Length && IsEscaped(entry, end))
            {
                end++;
            }

            var open = entry.IndexOf(':') < 0 ? "(" : "(?:";
            return entry.Substring(0, start) + open + entry.Substring(start, end - start) + ")" + entry.Substring(end);
        }

        /// <summary>Whether the char at <paramref name="index"/> follows an odd number of backslashes.</summary>
        private static bool IsEscaped(string text, int index)
        {
            var backslashes = 0;
            for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }
    }
}
