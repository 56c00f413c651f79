#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/fuzz-*.swift) into .build/fuzz/, with swiftc directly over the module
# sources: YAML, TextDiff and Lint are compiled once with coverage instrumentation and AddressSanitizer, then
# each target links against them. Nothing here is part of `swift build` or `swift test`, so the main build is
# never slowed or invalidated by the sanitizer flags.
#
# Usage: Fuzz/build.sh [target ...]     (default: every Fuzz/fuzz-*.swift; prints the binaries' folder last)
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFTC=${SWIFTC:-swiftc}
OUT=${FUZZ_BUILD:-.build/fuzz}
mkdir -p "$OUT/modules"

# -O so the fuzzer runs many inputs per second (about 4 times as many as -Onone; FUZZ_OPT=-Onone builds in a fifth
# of the time); line tables are enough for file:line in sanitizer reports; -enable-testing so targets may reach internal API
# (`@testable import`), e.g. the fix applier. lld, which Swift's Linux toolchains ship, avoids gold's flood of
# warnings about ASan's symbols.
FLAGS=("${FUZZ_OPT:--O}" -wmo -gline-tables-only -parse-as-library -enable-testing -sanitize=fuzzer,address
       -I Sources/CYAMLBridge -I "$OUT/modules" -swift-version 6 -package-name wfgen)
if command -v ld.lld >/dev/null; then FLAGS+=(-use-ld=lld); fi
read -r -a YAML_C <<<"$(pkg-config --cflags-only-I yaml-0.1 2>/dev/null || true)"
for flag in "${YAML_C[@]}"; do FLAGS+=(-Xcc "$flag"); done

# Other flags (FUZZ_OPT) than the last build's: start over.
if [ "$(cat "$OUT/modules/flags" 2>/dev/null)" != "${FLAGS[*]}" ]; then
    rm -f "$OUT"/modules/*.o "$OUT"/fuzz-*
    printf '%s' "${FLAGS[*]}" >"$OUT/modules/flags"
fi

# Rebuilds a module when any of its sources (or this script) is newer than its object file.
module() {
    local name=$1 folder=$2 object="$OUT/modules/$1.o"
    local sources
    mapfile -t sources < <(find "$folder" -name '*.swift' | sort)
    if [ -f "$object" ] && [ -z "$(find "$folder" "$0" -newer "$object" -name '*' -type f | head -1)" ]; then return; fi
    echo "fuzz build: module $name (${#sources[@]} files)" >&2
    "$SWIFTC" "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
        -c "${sources[@]}" -o "$object"
}

module YAML Sources/YAML
module TextDiff Sources/TextDiff
module Lint Sources/Lint

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for file in Fuzz/fuzz-*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
for target in "${targets[@]}"; do
    source="Fuzz/$target.swift"
    [ -f "$source" ] || { echo "fuzz build: no $source" >&2; exit 2; }
    binary="$OUT/$target"
    if [ -f "$binary" ] && [ -z "$(find "$source" Fuzz/FuzzSupport.swift "$OUT/modules" -newer "$binary" -type f | head -1)" ]; then continue; fi
    echo "fuzz build: $target" >&2
    "$SWIFTC" "${FLAGS[@]}" -module-name "${target//-/_}" "$source" Fuzz/FuzzSupport.swift \
        "$OUT/modules/YAML.o" "$OUT/modules/TextDiff.o" "$OUT/modules/Lint.o" -lyaml -o "$binary"
done
echo "$OUT"
