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

node_addons_setup
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

same() { same_js napi-work.js "$@"; }
same swc "@swc/core: TypeScript/JSX transform, minify, parse: the same output"
same css "lightningcss: CSS transform and minify: the same output"
# The burst (a new folder and 150 files in it, 150 beside it) is Windows'
# figure, not the Linux build's: there @parcel/watcher's inotify watch on the
# new folder begins after its first files are made, and loses them under load
# (1 to 9 of 300, measured with two busy CPUs; CI failed on it once).
# ReadDirectoryChangesW on a tree, which the Windows build uses, reports all.
same watch "@parcel/watcher: create, modify, rename, delete events: the same" '^burst: '
grep -qx 'burst: 300 of 300 creations seen, 0 other events' "$tmp/w.out"
check "@parcel/watcher: a burst of 300 files, 150 in a new folder: all seen" $? "$(grep '^burst: ' "$tmp/w.out")"
same oxide "@tailwindcss/oxide: the same candidates and files"

echo "napi: $pass passed, $fail failed"
[ $fail -eq 0 ]
