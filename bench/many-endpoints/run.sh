#!/usr/bin/env bash
# Time to the first answered request of an app with 2,000 endpoints (200 groups), in each CORS mode:
#   bench/many-endpoints/run.sh [CHECKOUT] [RUNS]
# CHECKOUT is the CorsGen repository to build against (default: this one), so two versions can be compared on one
# machine. Publishes Program.cs (Release, framework-dependent) against it, then for each mode starts the app RUNS times
# (default 10) and measures from the start of the process to its first answered preflight (GET /g199/e9, the last
# group: routing has then built every endpoint). Prints the median and the range in milliseconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$here/../..}" && pwd)
runs=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s|{src}|$checkout/src|g" "$here/ManyEndpoints.csproj.template" > "$work/ManyEndpoints.csproj"
cp "$here/Program.cs" "$work/Program.cs"
dotnet publish "$work/ManyEndpoints.csproj" -c Release -o "$work/app" --nologo -v q > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }

first_response_ms() {
    local port=$((20000 + RANDOM % 20000))
    local start end pid
    start=$(date +%s%N)
    CORS_MODE=$1 "$work/app/ManyEndpoints" --urls "http://127.0.0.1:$port" > /dev/null 2>&1 &
    pid=$!
    until curl -s -o /dev/null -X OPTIONS "http://127.0.0.1:$port/g199/e9" -H 'Origin: https://shop.example.com' -H 'Access-Control-Request-Method: GET'; do sleep 0.005; done
    end=$(date +%s%N)
    kill $pid; wait $pid 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

for mode in none filter middleware; do
    first_response_ms "$mode" > /dev/null # warm-up: the file cache
    times=()
    for _ in $(seq "$runs"); do times+=("$(first_response_ms "$mode")"); done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "$mode: median ${sorted[$(( runs / 2 ))]} ms (min ${sorted[0]}, max ${sorted[$(( runs - 1 ))]}; $runs runs; $checkout)"
done
