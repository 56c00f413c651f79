#!/usr/bin/env bash
# make dist: the packages that give wfgen to people without a Swift toolchain, written to dist/ (or DIST_DIR):
#
#   wfgen-<version>-<os>-<arch>.tar.gz   the binary (as `wfgen`), its manual wfgen.1 and README.md
#   wfgen_cli-<version>-py3-none-<platform>.whl   `pip install` gives the `wfgen` command (make_wheel.py)
#   wfgen_<version>_<arch>.deb           /usr/bin/wfgen and wfgen(1) (make_deb.sh; Linux only)
#   <each of them>.sha256                its SHA-256, in `sha256sum -c` format
#
# The version is tools/dist/VERSION unless WFGEN_VERSION says otherwise (the release workflow checks that the tag
# and the file agree). Archives are byte-stable for the same binary: fixed dates, owners and order.
#
# Usage: tools/dist/dist.sh   (prints each artifact's path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${DIST_DIR:-$root/dist}"
version="${WFGEN_VERSION:-$(tr -d '[:space:]' < "$here/VERSION")}"
python="${PYTHON:-python3}"

# PEP 440 releases and pre-releases only: the same string names the wheel, the .deb and the tarball.
if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.dev[0-9]+)?$ ]]; then
    echo "dist: version '$version' is not a release version such as 1.2.3 or 1.2.3rc1" >&2
    exit 2
fi

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    *) echo "dist: no package for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64) arch=aarch64 ;;
    arm64) arch="$([ "$os" = linux ] && echo aarch64 || echo arm64)" ;;
    *) echo "dist: no package for $(uname -m)" >&2; exit 1 ;;
esac

built="$("$here/build-binary.sh")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
name="wfgen-$version-$os-$arch"
mkdir -p "$stage/$name" "$out"
# Symbols are for debugging wfgen itself; users get the binary without them (a fraction of the size).
cp "$built" "$stage/$name/wfgen"
strip "$stage/$name/wfgen"
"$python" "$here/manpage.py" "$stage/$name/wfgen" "$version" > "$stage/$name/wfgen.1"
cp "$root/README.md" "$stage/$name/README.md"
chmod 0755 "$stage/$name/wfgen"
chmod 0644 "$stage/$name/wfgen.1" "$stage/$name/README.md"

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
checksum() { (cd "$(dirname "$1")" && sha256 "$(basename "$1")" > "$(basename "$1").sha256"); }

tarball="$out/$name.tar.gz"
if tar --version 2>/dev/null | grep -q GNU; then
    stable=(--sort=name --owner=0 --group=0 --numeric-owner --mtime=@"${SOURCE_DATE_EPOCH:-0}")
else
    stable=(--uid 0 --gid 0)
fi
tar -C "$stage" "${stable[@]}" -cf - "$name" | gzip -n -9 > "$tarball.partial"
mv -f "$tarball.partial" "$tarball"
artifacts=("$tarball")

artifacts+=("$("$python" "$here/make_wheel.py" "$stage/$name/wfgen" "$version" "$out")")
if [ "$os" = linux ]; then
    artifacts+=("$("$here/make_deb.sh" "$stage/$name/wfgen" "$stage/$name/wfgen.1" "$version" "$out")")
fi

for artifact in "${artifacts[@]}"; do
    checksum "$artifact"
    echo "$artifact"
done
