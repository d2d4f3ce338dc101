#!/bin/sh
# tests/apps/addons.sh BUILDDIR — Node native addons that bring DLLs of
# their own or much C/C++ code, loaded by the Windows node.exe under wlx,
# against the Linux node with the Linux builds (tests/apps/addons-work.js,
# identical stdout):
#   @resvg/resvg-js 2.6.2      SVG rendered to PNG (Rust)
#   @napi-rs/canvas 1.1.1      Skia drawing, pixels read back (C++ and Rust)
#   sharp 0.34.5               images through libvips (C; libvips-42.dll and
#                              libvips-cpp beside the .node)
#   @duckdb/node-bindings 1.5.6-r.1  SQL on a database file, Parquet out and
#                              in, nine kinds of SQL error and 300 throws
#                              in a row: C++ exceptions inside duckdb.dll
#                              (C++; duckdb.dll beside the .node, loaded
#                              through LOAD_WITH_ALTERED_SEARCH_PATH)
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

node_addons_setup
add "w n" @resvg/resvg-js@2.6.2 resvg-js-2.6.2
add w @resvg/resvg-js-win32-x64-msvc@2.6.2 resvg-js-win32-x64-msvc-2.6.2
add n @resvg/resvg-js-linux-x64-gnu@2.6.2 resvg-js-linux-x64-gnu-2.6.2
add "w n" @napi-rs/canvas@1.1.1 napi-rs-canvas-1.1.1
add w @napi-rs/canvas-win32-x64-msvc@1.1.1 napi-rs-canvas-win32-x64-msvc-1.1.1
add n @napi-rs/canvas-linux-x64-gnu@1.1.1 napi-rs-canvas-linux-x64-gnu-1.1.1
add "w n" @duckdb/node-bindings@1.5.6-r.1 duckdb-node-bindings-1.5.6-r.1
add w @duckdb/node-bindings-win32-x64@1.5.6-r.1 duckdb-node-bindings-win32-x64-1.5.6-r.1
add n @duckdb/node-bindings-linux-x64@1.5.6-r.1 duckdb-node-bindings-linux-x64-1.5.6-r.1
add "w n" detect-libc@2.1.2 detect-libc-2.1.2
add "w n" sharp@0.34.5 sharp-0.34.5
add "w n" @img/colour@1.1.0 img-colour-1.1.0
add "w n" semver@7.7.3 semver-7.7.3
add w @img/sharp-win32-x64@0.34.5 img-sharp-win32-x64-0.34.5
add n @img/sharp-linux-x64@0.34.5 img-sharp-linux-x64-0.34.5
add n @img/sharp-libvips-linux-x64@1.2.4 img-sharp-libvips-linux-x64-1.2.4
cp "$src/addons-work.js" "$tmp/w/" && cp "$src/addons-work.js" "$tmp/n/"

same() { same_js addons-work.js "$@"; }
same resvg "@resvg/resvg-js: the same PNG"
same canvas "@napi-rs/canvas: the same pixels from Skia"
same sharp "sharp: the same images and answers from libvips"
same duckdb "DuckDB: the same query answers, through a database file and Parquet"

echo "addons: $pass passed, $fail failed"
[ $fail -eq 0 ]
