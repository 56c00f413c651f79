#!/usr/bin/env bash
# make bench-hook: the wfgen-lint pre-commit hook's time, installed from this checkout as a user installs it.
#
# Prints the install (a cold `swift build -c release` by pre-commit, skipped when the store under .build/ already
# holds this source state), then RUNS warm `pre-commit run wfgen-lint --all-files` in a throw-away repository
# holding the canonical deploy workflow and its task definition, against `wfgen lint` on the same files without
# pre-commit, measured in the same run.
#
# Usage: tools/bench-hook.sh PRE_COMMIT [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pre_commit="$1"
runs="${2:-10}"

read -r repo rev home < <("$root/tools/pre-commit-hook-repo.sh" "$root")
user="$(mktemp -d)"
trap 'rm -rf "$user"' EXIT
cp -R "$root/Tests/LintTests/Fixtures/ok/canonical-pipeline/." "$user/"
git -C "$user" init --quiet
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: wfgen-lint\n' "$repo" "$rev" > "$user/.pre-commit-config.yaml"
git -C "$user" add -A

now() { date +%s.%N; }
hook() { (cd "$user" && PRE_COMMIT_HOME="$home" "$pre_commit" run wfgen-lint --all-files >/dev/null); }

start="$(now)"
hook
install="$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')"

binary="$(ls -d "$home"/repo*/swift_env-default/.build/release/wfgen-cli | head -n 1)"
hook_times=()
direct_times=()
for _ in $(seq "$runs"); do
    start="$(now)"; hook; hook_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')")
    start="$(now)"; (cd "$user" && "$binary" lint .github/workflows/deploy.yml .aws/task-definition.json >/dev/null 2>&1)
    direct_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
hook_median="$(median "${hook_times[@]}")"
direct_median="$(median "${direct_times[@]}")"

echo "wfgen-lint pre-commit hook (rev ${rev:0:12}, store $home)"
echo "  first run (install + lint): ${install} s  (a cold install is one 'swift build -c release' of the package)"
awk -v h="$hook_median" -v d="$direct_median" -v n="$runs" 'BEGIN {
    printf "  warm hook, median of %d:     %.3f s\n", n, h
    printf "  wfgen lint alone, median:    %.3f s  (pre-commit adds %.3f s, hook/direct = %.1fx)\n", d, h - d, h / d
}'
