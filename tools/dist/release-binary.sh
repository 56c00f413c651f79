#!/usr/bin/env bash
# How the GitHub Action (action.yml) gets wfgen: the released binary when this action is a release and one was built
# for the runner, else a build from source.
#
#   release-binary.sh choose
#       Reads RUNNER_OS, RUNNER_ARCH, WFGEN_ACTION_REF (github.action_ref), WFGEN_ACTION_REPOSITORY
#       (github.action_repository), GITHUB_SERVER_URL and WFGEN_FROM_SOURCE; prints `key=value` lines for
#       $GITHUB_OUTPUT: `source=release`, `asset=`, `url=`, `checksum-url=` (and, for a commit reference,
#       `commit-url=` and `expected-commit=`); or `source=build` and `reason=`. The release is the one of the version
#       this copy of the action holds (tools/dist/VERSION). It is used when the action is referenced by that tag, or
#       by the full commit SHA the release was built from (its SOURCE_COMMIT asset, checked at install): a branch, or
#       a commit after the release, is built from source, so what runs is what was pinned.
#   release-binary.sh verify ASSET CHECKSUM_FILE
#       Exit 0 when CHECKSUM_FILE (`sha256sum` format) names ASSET's file name with ASSET's SHA-256; 1 otherwise.
#   release-binary.sh same-commit FILE COMMIT
#       Exit 0 when FILE (a release's SOURCE_COMMIT) holds exactly COMMIT; 1 otherwise.
#   release-binary.sh install URL CHECKSUM_URL DIRECTORY
#       With WFGEN_COMMIT_URL and WFGEN_EXPECTED_COMMIT set, first checks the release was built from that commit.
#       Downloads both, verifies, unpacks into DIRECTORY and prints the path of the `wfgen` binary. Exit 3 when a
#       download fails or the release is of another commit (the action then builds), 1 when the checksum does not
#       match (the action stops).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi; }

# The release's name for this runner's platform (dist.sh's `<os>-<arch>`), or nothing when no binary is built for it.
platform() {
    case "$1/$2" in
        Linux/X64) echo linux-x86_64 ;;
        Linux/ARM64) echo linux-aarch64 ;;
        macOS/ARM64) echo macos-arm64 ;;
        *) ;;
    esac
}

choose() {
    local version platform tag asset base
    version="$(tr -d '[:space:]' < "$here/VERSION")"
    tag="v$version"
    build() { printf 'source=build\nreason=%s\n' "$1"; }
    if [ "${WFGEN_FROM_SOURCE:-false}" = true ]; then build "from-source is true"; return; fi
    platform="$(platform "${RUNNER_OS:-}" "${RUNNER_ARCH:-}")"
    if [ -z "$platform" ]; then build "no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}"; return; fi
    local commit=""
    if [[ "${WFGEN_ACTION_REF:-}" =~ ^[0-9a-f]{40}$ ]]; then
        commit="$WFGEN_ACTION_REF"
    elif [ "${WFGEN_ACTION_REF:-}" != "$tag" ]; then
        build "the action is used at '${WFGEN_ACTION_REF:-}', neither its release tag $tag nor a full commit SHA"; return
    fi
    if ! [[ "${WFGEN_ACTION_REPOSITORY:-}" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
        build "the action's repository '${WFGEN_ACTION_REPOSITORY:-}' is not owner/name"; return
    fi
    asset="wfgen-$version-$platform.tar.gz"
    base="${GITHUB_SERVER_URL:-https://github.com}/$WFGEN_ACTION_REPOSITORY/releases/download/$tag"
    printf 'source=release\nasset=%s\nurl=%s\nchecksum-url=%s\n' "$asset" "$base/$asset" "$base/$asset.sha256"
    if [ -n "$commit" ]; then printf 'commit-url=%s\nexpected-commit=%s\n' "$base/SOURCE_COMMIT" "$commit"; fi
}

verify() {
    local asset="$1" checksums="$2" name expected listed actual
    name="$(basename "$asset")"
    # Exactly one line, `<64 hex>  <name>` (or `*<name>`, binary mode): nothing else is accepted.
    if [ "$(wc -l < "$checksums")" -ne 1 ]; then
        echo "verify: $checksums must hold exactly one line" >&2; return 1
    fi
    read -r expected listed < "$checksums"
    if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || [ "${listed#\*}" != "$name" ]; then
        echo "verify: $checksums does not list $name" >&2; return 1
    fi
    actual="$(sha256 "$asset" | cut -d' ' -f1)"
    if [ "$actual" != "$expected" ]; then
        echo "verify: $name has SHA-256 $actual, the release lists $expected" >&2; return 1
    fi
}

download() {
    curl --fail --silent --show-error --location --proto '=https' --retry 3 --max-filesize "$1" --output "$3" "$2"
}

same_commit() {
    local file="$1" expected="$2" listed=""
    # One line, the final newline optional (read then reports end of file but has read the line).
    read -r listed < "$file" || true
    if [ "$(wc -c < "$file")" -gt 64 ] || ! [[ "$listed" =~ ^[0-9a-f]{40}$ ]]; then
        echo "same-commit: $file is not one full commit SHA" >&2; return 1
    fi
    if [ "$listed" != "$expected" ]; then
        echo "same-commit: the release was built from $listed, not $expected" >&2; return 1
    fi
}

install() {
    local url="$1" checksum_url="$2" directory="$3" asset binary
    asset="$directory/$(basename "$url")"
    mkdir -p "$directory"
    if [ -n "${WFGEN_COMMIT_URL:-}" ]; then
        download 64 "$WFGEN_COMMIT_URL" "$directory/SOURCE_COMMIT" || return 3
        same_commit "$directory/SOURCE_COMMIT" "${WFGEN_EXPECTED_COMMIT:-}" || return 3
    fi
    # Status 3: not downloaded (the caller may build instead); 1: downloaded but not what the release lists.
    download 200000000 "$url" "$asset" || return 3
    download 4096 "$checksum_url" "$asset.sha256" || return 3
    verify "$asset" "$asset.sha256"
    tar -xzf "$asset" -C "$directory"
    binary="$directory/$(basename "$asset" .tar.gz)/wfgen"
    test -x "$binary"
    echo "$binary"
}

case "${1:-}" in
    choose) choose ;;
    same-commit) [ $# -eq 3 ] || { echo "usage: $0 same-commit FILE COMMIT" >&2; exit 2; }; same_commit "$2" "$3" ;;
    verify) [ $# -eq 3 ] || { echo "usage: $0 verify ASSET CHECKSUM_FILE" >&2; exit 2; }; verify "$2" "$3" ;;
    install) [ $# -eq 4 ] || { echo "usage: $0 install URL CHECKSUM_URL DIRECTORY" >&2; exit 2; }; install "$2" "$3" "$4" ;;
    *) echo "usage: $0 choose | verify ASSET CHECKSUM_FILE | same-commit FILE COMMIT | install URL CHECKSUM_URL DIRECTORY" >&2
       exit 2 ;;
esac
