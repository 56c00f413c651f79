#!/usr/bin/env bash
# Builds wfgen_<version>_<arch>.deb: /usr/bin/wfgen and its manual, wfgen(1). No root needed: dpkg-deb's
# --root-owner-group makes every file root's in the package whoever builds it.
# gzip, not xz: the binary is most of the package and xz takes minutes on it for a few MB less.
#
# Depends: is read off the binary: libc6 at the newest glibc symbol version it uses, and a package for each other
# shared library it names (NEEDED); a library this script does not know stops the build rather than ship a package
# that installs and then cannot start.
#
# Usage: tools/dist/make_deb.sh BINARY MANPAGE VERSION OUT_DIR   (prints the .deb's path)
set -euo pipefail
binary="$1" manpage="$2" version="$3" out="$4"

case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "make_deb: no Debian architecture for $(uname -m)" >&2; exit 1 ;;
esac
# PEP 440 pre-releases (1.0rc1, 1.0.dev2) sort before the release in Debian only with a tilde.
deb_version="$(printf '%s' "$version" | sed -E 's/\.?(a|b|rc|dev)([0-9]+)/~\1\2/g')"

glibc="$(objdump -T "$binary" | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n | tail -n 1)"
depends=("libc6 (>= $glibc)")
while read -r library; do
    case "$library" in
        libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | librt.so.* | libutil.so.* | ld-linux*) ;;
        libstdc++.so.6) depends+=("libstdc++6") ;;
        libgcc_s.so.1) depends+=("libgcc-s1") ;;
        libz.so.1) depends+=("zlib1g") ;;
        *) echo "make_deb: $binary needs $library, which this script maps to no Debian package" >&2; exit 1 ;;
    esac
done < <(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }')
depends_line="$(IFS=,; printf '%s' "${depends[*]}" | sed 's/,/, /g')"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"
install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1"
install -m 0755 "$binary" "$root/usr/bin/wfgen"
gzip -n -9 -c "$manpage" > "$root/usr/share/man/man1/wfgen.1.gz"
chmod 0644 "$root/usr/share/man/man1/wfgen.1.gz"
size_kib="$(du -k -s "$root/usr" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: wfgen
Version: $deb_version
Architecture: $arch
Maintainer: wfgen maintainers <maintainers@wfgen.invalid>
Installed-Size: $size_kib
Depends: $depends_line
Section: devel
Priority: optional
Description: lint GitHub Actions workflows and ECS task definitions
 wfgen lint finds ECR/ECS confusion, missing service updates, leaked secrets
 and absent health checks in workflows that deploy containers to AWS.
 A self-contained binary: no Swift runtime and no libyaml needed.
CONTROL
chmod 0644 "$root/DEBIAN/control"

# Same binary, same package bytes: fixed dates on every file and in the archive (dpkg-deb reads SOURCE_DATE_EPOCH).
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-0}"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
deb="$out/wfgen_${deb_version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb.partial" >/dev/null
mv -f "$deb.partial" "$deb"
echo "$deb"
