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

js_runtime_checks wbun "$native"

echo "bun: $pass passed, $fail failed"
[ $fail -eq 0 ]
