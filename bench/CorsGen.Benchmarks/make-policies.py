#!/usr/bin/env python3
"""Writes Policies/BenchmarkPolicies.cs: the policies and regexes the benchmarks compare, from one list.

The benchmark policies have 1, 10 and 1,000 exact origins and 1, 10 and 100 regex origins. The same
origin lists configure ASP.NET Core's CorsPolicy and the regex engines, so every side of a comparison
runs the same policy. Run it from this folder: python3 make-policies.py
"""

REALISTIC = [
    r"https://(www\.)?shop-\d+\.example\.org",
    r"^https://(dev|staging|prod)\.api\.example\.net$",
    r"http://localhost:\d+",
    r"^https://[a-z0-9-]+\.preview\.example\.io$",
    r"https://partner-[a-z]+\.example\.co\.uk",
    r"^https://(admin|backoffice)\.example\.de(:8443)?$",
    r"https://[a-z]{2}\.store\.example\.fr",
    r"^https?://127\.0\.0\.1(:\d+)?$",
    r"https://app\d*\.example\.dev",
]

# The entry every regex policy matches the benchmark's allowed origin with; it comes last, so engines
# that loop over entries (as Kong and a runtime implementation do) try every other entry first.
TARGET = r"https://(.+\.)?example\.com"


def exact_origins(count):
    return [f"https://app{i}.example.com" for i in range(count)]


def regex_origins(count):
    if count == 1:
        return [TARGET]
    others = list(REALISTIC)
    i = 0
    while len(others) < count - 1:
        others.append(rf"https://(.+\.)?tenant{i}\.example\.net")
        i += 1
    return others[: count - 1] + [TARGET]


def csharp(value):
    return '@"' + value.replace('"', '""') + '"'


def kong_adjusted(entry):
    adjusted = entry if entry.endswith("$") else entry + "$"
    return adjusted[1:] if adjusted.startswith("^") else adjusted


lines = [
    "// Written by make-policies.py: edit the script, not this file.",
    "using System.Text.RegularExpressions;",
    "",
    "namespace CorsGen.Benchmarks.Policies;",
    "",
]

policies = {}
for count in (1, 10, 1000, 10000):
    policies[f"Exact{count}"] = exact_origins(count)
for count in (1, 10, 100):
    policies[f"Regex{count}"] = regex_origins(count)

for name, origins in policies.items():
    # A single exact entry would be echoed verbatim (Kong's O3); a second, never-matching entry keeps it a list.
    entries = origins if len(origins) > 1 or name.startswith("Regex") else origins + ["https://unused.example.invalid"]
    joined = ",\n        ".join(csharp(o) for o in entries)
    lines += [
        f"/// <summary>{len(origins)} {'regex' if name.startswith('Regex') else 'exact'} origin(s).</summary>",
        f"[KongCors(Origins = [\n        {joined}],",
        "    Methods = [\"GET\", \"POST\", \"PUT\"], Headers = [\"Content-Type\", \"X-Request-Id\"], ExposedHeaders = [\"X-Total-Count\"],",
        "    Credentials = true, MaxAge = 600)]",
        f"public static partial class {name}Cors;",
        "",
    ]

# Issue 15: the same lists read from configuration (ConfiguredOriginsBenchmarks puts them under Cors:<name>).
for name in ("Exact1000", "Exact10000", "Regex100"):
    lines += [
        f"/// <summary>The origins of {name}Cors, read from configuration key Cors:{name} when the application starts.</summary>",
        f"[KongCors(OriginsFromConfiguration = \"Cors:{name}\",",
        "    Methods = [\"GET\", \"POST\", \"PUT\"], Headers = [\"Content-Type\", \"X-Request-Id\"], ExposedHeaders = [\"X-Total-Count\"],",
        "    Credentials = true, MaxAge = 600)]",
        f"public static partial class Configured{name}Cors;",
        "",
    ]

# A subdomain rule written with a nested quantifier: exponential for backtracking engines on a near miss.
REDOS = r"^https://([a-z0-9]+-?)+\.example\.com$"
lines += [
    "/// <summary>A regex with a nested quantifier, for the ReDoS benchmark.</summary>",
    f"[KongCors(Origins = [{csharp(REDOS)}])]",
    "public static partial class RedosCors;",
    "",
]

lines += [
    "/// <summary>The origin lists above, for the ASP.NET Core policies and the regex engines.</summary>",
    "public static partial class BenchmarkOrigins",
    "{",
]
for name, origins in policies.items():
    entries = origins if len(origins) > 1 or name.startswith("Regex") else origins + ["https://unused.example.invalid"]
    joined = ",\n        ".join(csharp(o) for o in entries)
    lines += [f"    public static readonly string[] {name} =", "    [", f"        {joined},", "    ];", ""]

lines += [f"    public static readonly string AnchoredRedos = {csharp('^(?:' + kong_adjusted(REDOS) + ')')};", ""]
lines += ["    /// <summary>Each regex entry as Kong adjusts it (O6), anchored at the start as PCRE2_ANCHORED is.</summary>"]
for count in (1, 10, 100):
    joined = ",\n        ".join(csharp("^(?:" + kong_adjusted(o) + ")") for o in regex_origins(count))
    lines += [f"    public static readonly string[] AnchoredRegex{count} =", "    [", f"        {joined},", "    ];", ""]
lines += ["}", ""]

lines += [
    "/// <summary>The regex entries compiled by .NET's regex source generator, one method per entry.</summary>",
    "public static partial class GeneratedRegexes",
    "{",
]
for count in (1, 10, 100):
    patterns = regex_origins(count)
    for i, pattern in enumerate(patterns):
        lines += [f"    [GeneratedRegex({csharp('^(?:' + kong_adjusted(pattern) + ')')}, RegexOptions.CultureInvariant)]",
                  f"    private static partial Regex Regex{count}_{i}();", ""]
    methods = ", ".join(f"Regex{count}_{i}()" for i in range(len(patterns)))
    lines += [f"    public static Regex[] For{count}() => [{methods}];", ""]
lines += [f"    [GeneratedRegex({csharp('^(?:' + kong_adjusted(REDOS) + ')')}, RegexOptions.CultureInvariant)]",
          "    public static partial Regex Redos();", ""]
lines += ["}", ""]

with open("Policies/BenchmarkPolicies.cs", "w") as f:
    f.write("\n".join(lines))
