using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CorsGen.Model;

namespace CorsGen.Policy
{
    /// <summary>
    /// Second step of the pipeline: validates a <see cref="PolicySpec"/> and computes everything the
    /// emitted code needs. Returns null for a policy that cannot be generated (the analyzer reports why).
    /// </summary>
    internal static class PolicyCompiler
    {
        /// <summary>D1: the seed document's default methods, used when <c>Methods</c> is not set.</summary>
        public const string DefaultMethods = "GET,HEAD,PUT,PATCH,POST,DELETE";

        public static CompiledPolicy? Compile(PolicyModel model, CancellationToken cancellationToken)
        {
            var spec = model.Spec;
            if (PolicyValidator.BlocksGeneration(PolicyValidator.Validate(spec)))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new CompiledPolicy(
                model.Target,
                CompileOrigins(spec.Origins),
                spec.Credentials,
                AllowMethods(spec.Methods),
                JoinNonEmpty(spec.Headers),
                JoinNonEmpty(spec.ExposedHeaders),
                spec.MaxAge?.ToString(CultureInfo.InvariantCulture),
                spec.PreflightContinue,
                spec.PrivateNetwork,
                spec.AllowOriginAbsent);
        }

        private static OriginRules CompileOrigins(EquatableArray<string?>? origins)
        {
            var entries = new List<string>();
            if (origins is { } list)
            {
                foreach (var entry in list)
                {
                    entries.Add(entry!);
                }
            }

            var configured = EquatableArray.From(entries);

            // O1: unset, empty or exactly ["*"].
            if (entries.Count == 0 || (entries.Count == 1 && entries[0] == "*"))
            {
                return new OriginRules(OriginMode.AllowAll, configured, null, EquatableArray<string>.Empty, false);
            }

            // O3: a single literal-looking entry is echoed as it is.
            if (entries.Count == 1 && OriginEntry.IsLiteralText(entries[0]))
            {
                return new OriginRules(OriginMode.SingleLiteral, configured, entries[0], EquatableArray<string>.Empty, false);
            }

            var literals = new List<string>();
            var hasWildcard = false;
            foreach (var entry in entries)
            {
                var kind = OriginEntry.Classify(entry);
                if (kind == OriginEntryKind.Wildcard)
                {
                    // O5: the scan stops here; later entries are never reached.
                    hasWildcard = true;
                    break;
                }

                if (kind == OriginEntryKind.Literal)
                {
                    var normalized = KongOrigin.Normalize(entry).Domain;
                    if (!literals.Contains(normalized))
                    {
                        literals.Add(normalized);
                    }
                }
            }

            return new OriginRules(OriginMode.List, configured, null, EquatableArray.From(literals), hasWildcard);
        }

        private static string? AllowMethods(EquatableArray<string?>? methods)
        {
            if (methods is null)
            {
                return DefaultMethods;
            }

            var joined = Join(methods.Value);
            return joined.Length == 0 ? null : joined;
        }

        /// <summary>Kong treats an empty <c>headers</c>/<c>exposed_headers</c> list as unset.</summary>
        private static string? JoinNonEmpty(EquatableArray<string?>? values) =>
            values is { Count: > 0 } list ? Join(list) : null;

        private static string Join(EquatableArray<string?> values) => string.Join(",", values.AsImmutableArray());
    }
}
