#!/usr/bin/env bash
# Edit-loop benchmark: save one file in workflows-src/, then time `swift run wfgen` (incremental debug
# build + generation), as a developer does after each edit. Prints each run and the median.
# The edited file is restored byte for byte afterwards, whatever happens.
#
# Usage: tools/bench-edit.sh [PACKAGE]   (default: this repository; tools/bench-edit-consumer.sh passes a
# repository set up by `wfgen init`, with FILE and BUDGET for it)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
SWIFT=${SWIFT:-swift}
RUNS=${RUNS:-5}
FILE=${FILE:-workflows-src/FastAPIStreamlit.swift}
BUDGET=${BUDGET:-5.0}

backup=$(mktemp)
cp -p "$FILE" "$backup"
restore() { cp -p "$backup" "$FILE"; rm -f "$backup"; }
trap restore EXIT

# Warm up: a full debug build of wfgen, and generated files up to date.
"$SWIFT" build --product wfgen >/dev/null 2>&1
"$SWIFT" run wfgen >/dev/null 2>&1

times=()
for run in $(seq 1 "$RUNS"); do
    # A real edit (the source text changes), as saving a file in an editor does.
    printf '\n// bench-edit %s\n' "$run" >> "$FILE"
    start=$(date +%s.%N)
    "$SWIFT" run wfgen >/dev/null 2>&1
    end=$(date +%s.%N)
    cp -p "$backup" "$FILE"
    elapsed=$(echo "$end - $start" | bc -l)
    times+=("$elapsed")
    printf 'edit-loop run %d: %.2f s\n' "$run" "$elapsed"
done
# Leave the build matching the restored source, so the next `swift run` is not charged for our edits.
"$SWIFT" build --product wfgen >/dev/null 2>&1

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'edit-loop median of %d: %.2f s (budget %s s; github-workflows-kt ~13 s per script)\n' "$RUNS" "$median" "$BUDGET"
awk -v m="$median" -v b="$BUDGET" 'BEGIN { exit !(m <= b) }' || { echo "edit loop is over budget" >&2; exit 1; }
