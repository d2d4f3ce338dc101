#!/bin/sh
# tests/apps/kvstores.sh BUILDDIR — embedded databases in Node native
# addons, loaded by the Windows node.exe under wlx, against the Linux node
# with the Linux builds (tests/apps/kv-work.js, identical stdout):
#   lmdb 3.5.6          LMDB (C) with msgpackr's extractor (C++): its
#                       Windows build maps the whole map size over a file
#                       that grows (NtMapViewOfSection with MEM_RESERVE)
#                       and takes a shared lock over its own exclusive one
#   classic-level 3.0.0 LevelDB (C++): log and table files, a lock file,
#                       iterators, compaction
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

node_addons_setup
add "w n" lmdb@3.5.6 lmdb-3.5.6
add w @lmdb/lmdb-win32-x64@3.5.6 lmdb-lmdb-win32-x64-3.5.6
add n @lmdb/lmdb-linux-x64@3.5.6 lmdb-lmdb-linux-x64-3.5.6
add "w n" msgpackr@1.12.1 msgpackr-1.12.1
add "w n" msgpackr-extract@3.0.7 msgpackr-extract-3.0.7
add w @msgpackr-extract/msgpackr-extract-win32-x64@3.0.7 msgpackr-extract-msgpackr-extract-win32-x64-3.0.7
add n @msgpackr-extract/msgpackr-extract-linux-x64@3.0.7 msgpackr-extract-msgpackr-extract-linux-x64-3.0.7
add "w n" @harperfast/extended-iterable@1.0.3 harperfast-extended-iterable-1.0.3
add "w n" node-addon-api@6.1.0 node-addon-api-6.1.0
add "w n" node-gyp-build-optional-packages@5.2.2 node-gyp-build-optional-packages-5.2.2
add "w n" detect-libc@2.1.2 detect-libc-2.1.2
add "w n" ordered-binary@1.6.3 ordered-binary-1.6.3
add "w n" weak-lru-cache@1.2.2 weak-lru-cache-1.2.2
add "w n" classic-level@3.0.0 classic-level-3.0.0
add "w n" abstract-level@3.1.1 abstract-level-3.1.1
add "w n" buffer@6.0.3 buffer-6.0.3
add "w n" base64-js@1.5.1 base64-js-1.5.1
add "w n" ieee754@1.2.1 ieee754-1.2.1
add "w n" is-buffer@2.0.5 is-buffer-2.0.5
add "w n" level-supports@6.2.0 level-supports-6.2.0
add "w n" level-transcoder@1.0.1 level-transcoder-1.0.1
add "w n" maybe-combine-errors@1.0.0 maybe-combine-errors-1.0.0
add "w n" module-error@1.0.2 module-error-1.0.2
add "w n" napi-macros@2.2.2 napi-macros-2.2.2
add "w n" node-gyp-build@4.8.4 node-gyp-build-4.8.4
cp "$src/kv-work.js" "$tmp/w/" && cp "$src/kv-work.js" "$tmp/n/"

same() { same_js kv-work.js "$@"; }
same lmdb "lmdb: the same entries, ranges, transactions and duplicates, reopened read-only"
same level "classic-level: the same batch, iterators, lock refusal and compaction"

echo "kvstores: $pass passed, $fail failed"
[ $fail -eq 0 ]
