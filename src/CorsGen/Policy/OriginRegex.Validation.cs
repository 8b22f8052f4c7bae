using System.Collections.Generic;
using System.Globalization;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>The analyzer's checks of a regex entry; apart from the parsing, which the runtime assembly shares.</summary>
    internal sealed partial class OriginRegex
    {
        /// <summary>CORS001 (PCRE2 rejects the entry) and CORS002 (a construct no automaton expresses), located in the entry's text.</summary>
        public void Validate(int index, List<PolicyProblem> problems)
        {
            if (Configured.Error is { } error)
            {
                var offset = Configured.ToCharOffset(error.Offset);
                problems.Add(PolicyProblem.ForValueSpan(
                    Diagnostics.InvalidRegex.Id, PolicySetting.Origins, index, offset, 1,
                    Entry, error.Message, error.Code.ToString(CultureInfo.InvariantCulture), error.Offset.ToString(CultureInfo.InvariantCulture)));
                return;
            }

            if (Runtime.Error is { } adjustedError)
            {
                // Valid as configured, invalid once Kong appends '$' (e.g. after an open \Q): Kong logs an error and never matches it.
                problems.Add(PolicyProblem.ForElement(
                    Diagnostics.InvalidRegex.Id, PolicySetting.Origins, index,
                    Adjusted, adjustedError.Message + " once Kong anchors it", adjustedError.Code.ToString(CultureInfo.InvariantCulture), adjustedError.Offset.ToString(CultureInfo.InvariantCulture)));
                return;
            }

            foreach (var unsupported in Runtime.Unsupported)
            {
                var start = EntryOffset(Runtime.ToCharOffset(unsupported.Offset));
                var end = EntryOffset(Runtime.ToCharOffset(unsupported.Offset + unsupported.Length));
                problems.Add(PolicyProblem.ForValueSpan(
                    Diagnostics.UnsupportedRegex.Id, PolicySetting.Origins, index, start, System.Math.Max(1, end - start),
                    Entry, "it uses " + unsupported.Construct));
            }
        }
    }
}
