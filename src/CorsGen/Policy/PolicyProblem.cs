using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// One thing wrong with a policy, found by <see cref="PolicyValidator"/>: which diagnostic, which
    /// attribute argument and array element, and (for regex errors) which characters of the value.
    /// The analyzer turns it into a located diagnostic; the generator only asks whether any is an error.
    /// </summary>
    /// <param name="DiagnosticId">The id of a descriptor in <see cref="Diagnostics"/>.</param>
    /// <param name="Setting">The attribute argument at fault.</param>
    /// <param name="Index">The array element at fault, or -1 for the argument as a whole.</param>
    /// <param name="ValueOffset">The first char of the element's value at fault, or -1 for the whole element.</param>
    /// <param name="ValueLength">How many chars of the value are at fault (with <paramref name="ValueOffset"/>).</param>
    /// <param name="MessageArgs">The descriptor's message arguments.</param>
    internal sealed record PolicyProblem(
        string DiagnosticId,
        PolicySetting Setting,
        int Index,
        int ValueOffset,
        int ValueLength,
        EquatableArray<string> MessageArgs)
    {
        public static PolicyProblem ForElement(string id, PolicySetting setting, int index, params string[] args) =>
            new PolicyProblem(id, setting, index, -1, 0, EquatableArray.From(args));

        public static PolicyProblem ForSetting(string id, PolicySetting setting, params string[] args) =>
            new PolicyProblem(id, setting, -1, -1, 0, EquatableArray.From(args));

        public static PolicyProblem ForValueSpan(string id, PolicySetting setting, int index, int offset, int length, params string[] args) =>
            new PolicyProblem(id, setting, index, offset, length, EquatableArray.From(args));
    }
}
