#!/usr/bin/env bash
# Builds the self-contained wfgen binary that every package ships, and prints its path.
#
# The product is `wfgen-cli` (no definitions compiled in: lint, explain, rules, init, import); every package installs
# it as `wfgen`. On Linux the Swift runtime is linked statically (--static-swift-stdlib, as `make release`). libyaml
# is linked statically everywhere: the system library target asks the linker for `-lyaml`, and a linker prefers the
# shared library when one folder holds both, so the build passes a search folder, searched before the system ones,
# that holds only libyaml.a. The binary then needs neither Swift nor libyaml where it runs.
#
# Usage: tools/dist/build-binary.sh   (SWIFT overrides the swift command)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
swift="${SWIFT:-swift}"

libdir="$(pkg-config --variable=libdir yaml-0.1)"
if [ ! -f "$libdir/libyaml.a" ]; then
    echo "build-binary: $libdir/libyaml.a is missing (Debian/Ubuntu: apt-get install libyaml-dev; macOS: brew install libyaml)" >&2
    exit 1
fi
static="$root/.build/dist-static-libs"
mkdir -p "$static"
ln -sf "$libdir/libyaml.a" "$static/libyaml.a"

options=(-c release --package-path "$root" -Xlinker -L -Xlinker "$static")
if [ "$(uname -s)" = Linux ]; then options+=(--static-swift-stdlib); fi
"$swift" build "${options[@]}" --product wfgen-cli >&2
echo "$("$swift" build "${options[@]}" --show-bin-path)/wfgen-cli"
