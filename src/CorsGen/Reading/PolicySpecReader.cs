using System.Collections.Generic;
using System.Collections.Immutable;
using CorsGen.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Reading
{
    /// <summary>Reads a <c>[KongCors]</c> attribute's named arguments into a <see cref="PolicySpec"/>.</summary>
    internal static class PolicySpecReader
    {
        /// <summary>Null when an argument has a compile error of its own (the compiler reports it).</summary>
        public static PolicySpec? Read(AttributeData attribute)
        {
            var spec = PolicySpec.Defaults;
            foreach (var argument in attribute.NamedArguments)
            {
                var value = argument.Value;
                if (value.Kind == TypedConstantKind.Error)
                {
                    return null;
                }

                switch (argument.Key)
                {
                    case nameof(PolicySetting.Origins):
                        spec = spec with { Origins = ReadStrings(value) };
                        break;
                    case nameof(PolicySetting.Methods):
                        spec = spec with { Methods = ReadStrings(value) };
                        break;
                    case nameof(PolicySetting.Headers):
                        spec = spec with { Headers = ReadStrings(value) };
                        break;
                    case nameof(PolicySetting.ExposedHeaders):
                        spec = spec with { ExposedHeaders = ReadStrings(value) };
                        break;
                    case nameof(PolicySetting.Credentials):
                        spec = spec with { Credentials = value.Value is true };
                        break;
                    case nameof(PolicySetting.MaxAge):
                        spec = spec with { MaxAge = value.Value as int? };
                        break;
                    case nameof(PolicySetting.PreflightContinue):
                        spec = spec with { PreflightContinue = value.Value is true };
                        break;
                    case nameof(PolicySetting.PrivateNetwork):
                        spec = spec with { PrivateNetwork = value.Value is true };
                        break;
                    case nameof(PolicySetting.AllowOriginAbsent):
                        spec = spec with { AllowOriginAbsent = value.Value is true };
                        break;
                    case nameof(PolicySetting.OriginsFromConfiguration):
                        spec = spec with { OriginsFromConfiguration = value.Value as string };
                        break;
                }
            }

            return spec;
        }

        /// <summary>An explicit <c>null</c> array counts as not set, as Kong's <c>ngx.null</c> does.</summary>
        private static EquatableArray<string?>? ReadStrings(TypedConstant value)
        {
            if (value.Kind != TypedConstantKind.Array || value.IsNull)
            {
                return null;
            }

            var items = new List<string?>(value.Values.Length);
            foreach (var item in value.Values)
            {
                items.Add(item.Value as string);
            }

            return new EquatableArray<string?>(items.ToImmutableArray());
        }
    }
}
