#!/bin/sh
# tests/loader/ctrlc.sh BUILDDIR — Ctrl-C (SIGINT) runs SetConsoleCtrlHandler
# handlers on a new thread; without a handler the process ends with
# STATUS_CONTROL_C_EXIT (0xC000013A: exit status 0x3a = 58).
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX
pass=0; fail=0

run() { # MODE: starts the program, waits for "ready", sends SIGINT; sets rc and out
    # a file of its own: the shell truncates it only once the child runs, and
    # the previous run's "ready" must not send the signal before wlx starts
    "$b/bin/wlx" "$b/test-inputs/ctrlc.exe" "$1" > "$tmp/out.$1" 2>&1 &
    pid=$!
    i=0
    while ! grep -q ready "$tmp/out.$1" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    kill -INT $pid
    wait $pid
    rc=$?
    out=$(cat "$tmp/out.$1")
}

run handled
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "handled on its own thread"; then pass=$((pass + 1)); echo "ok   a handler runs on a new thread"
else fail=$((fail + 1)); echo "FAIL handler: exit $rc: $out"; fi
run default
if [ $rc -eq 58 ]; then pass=$((pass + 1)); echo "ok   no handler: STATUS_CONTROL_C_EXIT"
else fail=$((fail + 1)); echo "FAIL default: exit $rc (want 58): $out"; fi
run chain
if [ $rc -eq 58 ] && [ "$(printf '%s' "$out" | tr -d '\n')" = ready21 ]; then pass=$((pass + 1)); echo "ok   handlers returning FALSE, last registered first, then STATUS_CONTROL_C_EXIT"
else fail=$((fail + 1)); echo "FAIL chain: exit $rc (want 58, output ready then 21): $out"; fi
echo "ctrlc: $pass passed, $fail failed"
[ $fail -eq 0 ]
