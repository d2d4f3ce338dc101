#!/bin/sh
# tests/loader/sigkill.sh BUILDDIR — a process killed from the shell with
# kill -9 while it owns a named mutex: another process waiting for that
# mutex gets WAIT_ABANDONED (wlxserver sees the connection close and
# abandons the dead process's mutexes in shared memory). Uses the modes
# "holdready" and "waitabandon" of tests/kernel32/crossproc.exe.
# (The server itself killed with kill -9 is tests/server/death.c.)
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
holder=; waiter=
trap 'kill -9 $holder $waiter 2>/dev/null; rm -rf "$tmp"' EXIT
WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX
exe=$b/tests/kernel32/crossproc.exe
name="Local\\wlx-sigkill-$$"
pass=0; fail=0

wait_for() { # FILE WORD: up to 10 s
    i=0
    while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    grep -q "$2" "$1"
}

"$b/bin/wlx" "$exe" holdready "$name" > "$tmp/holder" 2>&1 &
holder=$!
if ! wait_for "$tmp/holder" ready; then
    echo "FAIL the holder did not start: $(cat "$tmp/holder")"; exit 1
fi
"$b/bin/wlx" "$exe" waitabandon "$name" > "$tmp/waiter" 2>&1 &
waiter=$!
if ! wait_for "$tmp/waiter" waiting; then
    echo "FAIL the waiter did not start: $(cat "$tmp/waiter")"; exit 1
fi
kill -9 $holder
wait $holder 2>/dev/null
holder=
wait $waiter
rc=$?
waiter=
if [ $rc -eq 0 ]; then pass=$((pass + 1)); echo "ok   kill -9 of the owner: WAIT_ABANDONED"
else fail=$((fail + 1)); echo "FAIL kill -9 of the owner: waiter exit $rc (0 abandoned, 1 free, 2 timeout)"; fi
echo "sigkill: $pass passed, $fail failed"
[ $fail -eq 0 ]
