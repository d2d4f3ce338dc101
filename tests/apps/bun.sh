#!/bin/sh
# tests/apps/bun.sh BUILDDIR — Bun 1.4.5's Windows build (Zig and C++,
# JavaScriptCore's JIT, libuv's AFD polling, NT calls made directly: npm's
# @oven/bun-windows-x64) under wlx against its Linux build
# (@oven/bun-linux-x64): --version, tests/apps/node-work.js (files, crypto,
# zlib, child processes over pipes, HTTP and TCP servers that close, a
# worker, timers: identical output and files), stdin from a pipe, exit codes.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @oven/bun-windows-x64@1.4.5 bun-windows-x64-1.4.5
fetch @oven/bun-linux-x64@1.4.5 bun-linux-x64-1.4.5
win=$cache/bun-windows-x64-1.4.5/package/bin/bun.exe
native=$cache/bun-linux-x64-1.4.5/package/bin/bun
chmod +x "$native"

# bounded: a run that does not end (as Bun did when a closed server kept its loop alive) fails in 2 minutes
wbun() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }

wbun --version >"$tmp/v" 2>&1; rc=$?
v=$(tr -d '\r' <"$tmp/v")
[ $rc -eq 0 ] && [ "$v" = "$("$native" --version)" ]; check "--version: $v" $? "exit $rc"

mkdir -p "$tmp/w" "$tmp/n"
wbun "$src/node-work.js" "$tmp/w" >"$tmp/w.out" 2>&1; rc=$?
"$native" "$src/node-work.js" "$tmp/n" >"$tmp/n.out" 2>&1
[ $rc -eq 0 ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check "node-work.js: the same output as the Linux build, and it exits" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
diff -r "$tmp/w" "$tmp/n" >/dev/null; check "node-work.js: the same files" $?

out=$(printf 'from a pipe\n' | wbun -e 'process.stdin.pipe(process.stdout)'); rc=$?
[ $rc -eq 0 ] && [ "$out" = "from a pipe" ]; check "stdin and stdout as pipes" $? "exit $rc: $out"

wbun -e 'process.exit(7)'; rc=$?
[ $rc -eq 7 ]; check "process.exit(7) exits 7" $? "exit $rc"

echo "bun: $pass passed, $fail failed"
[ $fail -eq 0 ]
