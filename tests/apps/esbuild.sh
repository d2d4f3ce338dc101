#!/bin/sh
# tests/apps/esbuild.sh BUILDDIR — esbuild 0.28.2's Windows build (a Go
# program: npm's @esbuild/win32-x64) under wlx against its Linux build
# (@esbuild/linux-x64): --version, bundling and minifying a project of 40
# ES modules with a node_modules package (identical output), Unix paths,
# output through a pipe, an error's exit code, Ctrl-C.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @esbuild/win32-x64@0.28.2 esbuild-win32-x64-0.28.2
fetch @esbuild/linux-x64@0.28.2 esbuild-linux-x64-0.28.2
win=$cache/esbuild-win32-x64-0.28.2/package/esbuild.exe
native=$cache/esbuild-linux-x64-0.28.2/package/bin/esbuild
chmod +x "$native"

wesb() { "$b/bin/wlx" "$win" "$@"; }

v=$(wesb --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$("$native" --version)" ]; check "--version through a pipe: $v" $? "exit $rc"

sh "$src/gen-js.sh" "$tmp/js" || { echo "FAIL cannot generate the project"; exit 1; }
cd "$tmp/js"
wesb src/main.js --bundle --minify --outfile="$tmp/w.js" --log-level=error; rc=$?
check "bundle + minify exits 0" $rc "exit $rc"
"$native" src/main.js --bundle --minify --outfile="$tmp/n.js" --log-level=error
cmp -s "$tmp/w.js" "$tmp/n.js"; check "the bundle is identical to the Linux build's" $?
# an absolute Unix path for the entry point and the output
wesb "$tmp/js/src/main.js" --bundle --outfile="$tmp/w2.js" --log-level=error
"$native" "$tmp/js/src/main.js" --bundle --outfile="$tmp/n2.js" --log-level=error
cmp -s "$tmp/w2.js" "$tmp/n2.js"; check "absolute Unix paths: same bundle" $?
# the bundle on stdout, through a pipe
wesb src/main.js --bundle --minify --log-level=error | cmp -s - "$tmp/n.js"; check "the bundle through a pipe" $?
# a syntax error: the message and exit code 1, as natively
printf 'export const = 1;\n' > src/broken.js
wesb src/broken.js --bundle --log-level=error >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'Expected identifier' "$tmp/err"; check "a syntax error exits 1 with esbuild's message" $? "exit $rc: $(head -n 2 "$tmp/err")"
# Ctrl-C ends a long run (STATUS_CONTROL_C_EXIT: exit status 58)
i=0; while [ $i -lt 4000 ]; do echo "export function f$i(a) { return a * $i + [$i, $i].length; }"; i=$((i + 1)); done > src/big.js
wesb src/big.js --minify --outfile="$tmp/big.js" --log-level=error & pid=$!
sleep 0.3; kill -INT $pid 2>/dev/null; wait $pid; rc=$?
[ $rc -eq 58 ] || [ $rc -eq 0 ]; check "Ctrl-C ends it (exit 58, or 0 when it was done first)" $? "exit $rc"

echo "esbuild: $pass passed, $fail failed"
[ $fail -eq 0 ]
