#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for FUZZ_SECONDS each, one after another. Exit 1 when any target
# finds a crash, a leak, a timeout or a memory blow-up; the reproducer's path and the command to replay it are
# printed. Seeds: Fuzz/seeds/ plus, when ../shared/corpus exists, its workflows (dev and general *.yml) and
# their `run:` scripts. The corpus each target grows is kept in .build/fuzz/corpus/<target> between runs.
#
# Usage: Fuzz/run.sh [target ...]     Environment: FUZZ_SECONDS (120), FUZZ_TIMEOUT (per input, 10 s),
#        FUZZ_RSS_MB (2048), FUZZ_MAX_LEN (16384; shell scripts: a quarter), FUZZ_FLAGS (more libFuzzer flags).
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-120}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
SHARED=${WFGEN_SHARED_CORPUS:-../shared/corpus}

OUT=$(Fuzz/build.sh "$@" | tail -1) || { echo "fuzz: build failed" >&2; exit 2; }
OUT=$(cd "$OUT" && pwd)

# Seeds, rebuilt each run (cheap): committed ones, then the shared corpus when present.
SEEDS="$OUT/seeds"
rm -rf "$SEEDS" && mkdir -p "$SEEDS/workflow" "$SEEDS/shell"
cp Fuzz/seeds/workflow/* "$SEEDS/workflow/"
cp Fuzz/seeds/shell/* "$SEEDS/shell/"
workflows=()
if [ -d "$SHARED" ]; then
    mapfile -t workflows < <(find "$SHARED/dev" "$SHARED/general" -name '*.yml' -type f 2>/dev/null | sort)
    for file in "${workflows[@]}"; do cp "$file" "$SEEDS/workflow/$(sha1sum "$file" | cut -c1-40).yml"; done
fi
if command -v python3 >/dev/null; then
    python3 Fuzz/run-scripts.py "$SEEDS/shell" Fuzz/seeds/workflow/*.yml "${workflows[@]}"
fi
echo "fuzz: seeds: $(ls "$SEEDS/workflow" | wc -l) workflows, $(ls "$SEEDS/shell" | wc -l) scripts" \
     "($([ ${#workflows[@]} -gt 0 ] && echo "with $SHARED" || echo "no shared corpus"))"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for file in Fuzz/fuzz-*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
failed=()
for target in "${targets[@]}"; do
    case $target in
        fuzz-shell) seeds="$SEEDS/shell"; dict=Fuzz/shell.dict; max_len=$((MAX_LEN / 4)) ;;
        *) seeds="$SEEDS/workflow"; dict=Fuzz/workflow.dict; max_len=$MAX_LEN ;;
    esac
    corpus="$OUT/corpus/$target"
    artifacts="$OUT/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    log="$OUT/$target.log"
    echo "fuzz: $target for ${SECONDS_EACH}s (log: $log)"
    # ASan's allocator can return null instead of aborting so -malloc_limit_mb reports a single huge
    # allocation as a failure, like -rss_limit_mb does for growth; leaks are checked at exit of each input.
    # Swift's own crash backtracer is off: it reads memory ASan then reports as a second, unrelated error.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=0:detect_leaks=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0} \
    "$OUT/$target" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
        -malloc_limit_mb="$RSS_MB" -max_len="$max_len" -dict="$dict" -artifact_prefix="$artifacts" \
        -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus" "$seeds" >"$log" 2>&1
    status=$?
    grep -E '^#[0-9]+ +(DONE|pulse|INITED)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tail -5
    if [ $status -ne 0 ]; then
        failed+=("$target")
        grep -E 'ERROR: |fuzz invariant broken|SUMMARY: |Test unit written to' "$log" | head -8
        for file in $(grep -o 'Test unit written to .*' "$log" | awk '{print $5}'); do
            echo "fuzz: $target FAILED; reproducer: $file"
            echo "      replay: $OUT/$target $file"
        done
        [ -z "$(grep -o 'Test unit written to' "$log")" ] && echo "fuzz: $target FAILED (exit $status); see $log"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"
    exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${SECONDS_EACH}s each, nothing found"
