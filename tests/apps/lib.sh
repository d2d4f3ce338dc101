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

# js_runtime_checks RUN NATIVE: what tests/apps/node.sh and bun.sh check of a
# JavaScript runtime, its Windows build run by the shell function RUN (under
# wlx) beside its Linux build NATIVE: --version ("\r\n" from a Windows C
# runtime's text-mode stdout stripped), node-work.js's output and files,
# stdin and stdout as pipes, an exit code
js_runtime_checks() {
    run=$1 nat=$2
    $run --version >"$tmp/v" 2>&1; rc=$?
    v=$(tr -d '\r' <"$tmp/v")
    [ $rc -eq 0 ] && [ "$v" = "$("$nat" --version)" ]; check "--version: $v" $? "exit $rc"

    mkdir -p "$tmp/w" "$tmp/n"
    $run "$src/node-work.js" "$tmp/w" >"$tmp/w.out" 2>&1; rc=$?
    "$nat" "$src/node-work.js" "$tmp/n" >"$tmp/n.out" 2>&1
    [ $rc -eq 0 ] && cmp -s "$tmp/w.out" "$tmp/n.out"
    check "node-work.js: the same output as the Linux build, and it exits" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
    diff -r "$tmp/w" "$tmp/n" >/dev/null; check "node-work.js: the same files" $?

    out=$(printf 'from a pipe\n' | $run -e 'process.stdin.pipe(process.stdout)'); rc=$?
    [ $rc -eq 0 ] && [ "$out" = "from a pipe" ]; check "stdin and stdout as pipes" $? "exit $rc: $out"

    $run -e 'process.exit(7)'; rc=$?
    [ $rc -eq 7 ]; check "process.exit(7) exits 7" $? "exit $rc"
}
