#!/usr/bin/env bash
# The edit loop in the layout users have: a repository of its own, set up by `wfgen init` with this checkout as a
# path dependency. Prints the first build (wfgen and its dependencies compiled for the consumer, in debug), then
# runs tools/bench-edit.sh there on the starter pipeline with a 2 s budget.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
SWIFT=${SWIFT:-swift}
work="$(mktemp -d "${TMPDIR:-/tmp}/wfgen-consumer-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$SWIFT" build --package-path "$checkout" --product wfgen-cli >/dev/null
cli="$("$SWIFT" build --package-path "$checkout" --show-bin-path)/wfgen-cli"
mkdir -p "$work/shop"
git -C "$work/shop" init --quiet
"$cli" init --root "$work/shop" --wfgen-path "$checkout" >/dev/null

start=$(date +%s.%N)
"$SWIFT" build --package-path "$work/shop" --product wfgen >/dev/null 2>&1
end=$(date +%s.%N)
printf 'consumer first build (wfgen as a path dependency, debug): %.1f s\n' "$(echo "$end - $start" | bc -l)"

SWIFT="$SWIFT" FILE=workflows-src/Pipeline.swift BUDGET=${BUDGET:-2.0} "$checkout/tools/bench-edit.sh" "$work/shop"
