#!/usr/bin/env bash
# Prints "<repo> <rev> <pre-commit-home>": this checkout, as pre-commit should install it as a hook repository.
#
# `pre-commit try-repo` would do, but it installs every time into a throw-away store (try_repo.py:
# `Store(tempdir)`), so each call is a cold `swift build -c release` of the whole package. Instead the
# test and `make bench-hook` use a normal config (`repo:` + `rev:`) and a PRE_COMMIT_HOME kept under .build/,
# which is what a user's pre-commit does. `rev` is HEAD when the checkout is clean (CI); otherwise a commit on
# top of HEAD holding the uncommitted changes to tracked files (what try-repo would test), made with a fixed
# author and date so the same working tree gives the same commit, hence the same cached build.
#
# Usage: tools/pre-commit-hook-repo.sh [CHECKOUT]  (default: the package this script is in)
set -euo pipefail
checkout="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
work="$checkout/.build/pre-commit-hook"
shadow="$work/repo"

git_quiet() { git -c advice.detachedHead=false -c init.defaultBranch=main "$@" >/dev/null; }

head="$(git -C "$checkout" rev-parse HEAD)"
rm -rf "$shadow"
mkdir -p "$work"
git_quiet clone --quiet --no-checkout "$checkout" "$shadow"
git_quiet -C "$shadow" checkout --quiet --detach "$head"

# Uncommitted changes to tracked files (staged or not), as try-repo takes them; untracked files are left out.
changed=0
while IFS= read -r -d '' path; do
    changed=1
    if [ -e "$checkout/$path" ] || [ -L "$checkout/$path" ]; then
        mkdir -p "$shadow/$(dirname "$path")"
        cp -P -p "$checkout/$path" "$shadow/$path"
    else
        rm -f "$shadow/$path"
    fi
    git -C "$shadow" add -A -- "$path"
done < <(git -C "$checkout" diff --name-only --no-renames -z HEAD)

rev="$head"
if [ "$changed" = 1 ] && ! git -C "$shadow" diff --cached --quiet; then
    GIT_AUTHOR_NAME=wfgen-hook-test GIT_AUTHOR_EMAIL=hook-test@wfgen.invalid GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' \
    GIT_COMMITTER_NAME=wfgen-hook-test GIT_COMMITTER_EMAIL=hook-test@wfgen.invalid GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
        git_quiet -C "$shadow" -c commit.gpgsign=false commit --quiet --no-verify -m "uncommitted changes of $head"
    rev="$(git -C "$shadow" rev-parse HEAD)"
fi

# One pre-commit store per rev; stores of older revs are removed so .build/ does not fill with release builds.
home="$work/home-$rev"
for old in "$work"/home-*; do
    [ -e "$old" ] && [ "$old" != "$home" ] && rm -rf "$old"
done
mkdir -p "$home"
printf '%s %s %s\n' "$shadow" "$rev" "$home"
