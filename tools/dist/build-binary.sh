#!/usr/bin/env bash
# Builds the self-contained wfgen binary that every package ships, and prints its path.
#
# The product is `wfgen-cli` (no definitions compiled in: lint, explain, rules, init, import); every package installs
# it as `wfgen`. On Linux the Swift runtime is linked statically (--static-swift-stdlib, as `make release`). libyaml
# is linked statically everywhere. SwiftPM links a system library with the `-L<libdir> -lyaml` of its pkg-config
# file, placed before any flag given on the command line, and a linker takes the shared library when a folder holds
# both; so the build gets (PKG_CONFIG_PATH) a copy of yaml-0.1.pc whose only change is its `Libs:` folder, one that
# holds only libyaml.a. Compiler flags stay the same, so this reuses `make release`'s compiled objects. The binary
# then needs neither Swift nor libyaml where it runs.
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
mkdir -p "$static/pkgconfig"
ln -sf "$libdir/libyaml.a" "$static/libyaml.a"
sed "s|^Libs:.*|Libs: -L$static -lyaml|" "$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc" \
    > "$static/pkgconfig/yaml-0.1.pc"
export PKG_CONFIG_PATH="$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

options=(-c release --package-path "$root")
if [ "$(uname -s)" = Linux ]; then options+=(--static-swift-stdlib); fi
"$swift" build "${options[@]}" --product wfgen-cli >&2
echo "$("$swift" build "${options[@]}" --show-bin-path)/wfgen-cli"
