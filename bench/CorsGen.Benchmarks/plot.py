#!/usr/bin/env python3
"""Plots docs/benchmarks.png from BenchmarkDotNet's CSV reports: time against the number of origins
for CorsGen, ASP.NET Core's CORS and the regex engines.

Usage (needs matplotlib; on Debian: apt-get install python3-matplotlib):
    /usr/bin/python3 plot.py [results folder] [output png]
The results folder defaults to BenchmarkDotNet.Artifacts/results under the repository root.
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RESULTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "BenchmarkDotNet.Artifacts", "results")
OUTPUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "benchmarks.png")

UNITS = {"ns": 1.0, "us": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9}


def nanoseconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def rows(name):
    path = os.path.join(RESULTS, f"CorsGen.Benchmarks.{name}-report.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def series(data, x_of, filters):
    lines = {}
    for row in data:
        if all(row.get(k) == v for k, v in filters.items()):
            x = x_of(row)
            if x is not None:
                lines.setdefault(row["Method"].strip("'"), []).append((x, nanoseconds(row["Mean"])))
    return {method: sorted(points) for method, points in lines.items()}


def plot(axis, lines, title):
    for method, points in sorted(lines.items()):
        axis.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=method)
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_title(title, fontsize=10)
    axis.set_xlabel("origins in the policy")
    axis.set_ylabel("ns per request")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)


policy = rows("PolicyBenchmarks")
matching = rows("OriginMatchingBenchmarks")
figure, axes = plt.subplots(1, 3, figsize=(16, 5))
exact = lambda row: int(row["Policy"][5:]) if row["Policy"].startswith("Exact") else None  # noqa: E731
regex = lambda row: int(row["Policy"][5:]) if row["Policy"].startswith("Regex") else None  # noqa: E731
plot(axes[0], series(policy, exact, {"Case": "ActualAllowed"}), "Actual request, exact origins (policy cost)")
plot(axes[1], series(policy, regex, {"Case": "ActualAllowed"}), "Actual request, regex origins (policy cost)")
plot(axes[2], series(matching, lambda row: int(row["Patterns"]), {"Subject": "Hit"}), "Matching one origin against N regexes")
axes[2].set_xlabel("regex entries")
axes[2].set_ylabel("ns per origin")
figure.tight_layout()
figure.savefig(OUTPUT, dpi=110)
print("wrote", OUTPUT)
