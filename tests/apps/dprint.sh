#!/bin/sh
# tests/apps/dprint.sh BUILDDIR — dprint 0.54.0's Windows build (Rust: npm's
# @dprint/win32-x64) under wlx against its Linux build
# (@dprint/linux-x64-glibc) in a generated project: --version, `init` (the
# same dprint.json; the plugin list cannot be fetched offline), the commands
# that need no plugin (output-file-paths, output-resolved-config, license,
# completions), `fmt`/`check` without plugins (the same error and exit
# code), and `clear-cache` of a cache tree (Rust's remove_dir_all, which
# opens each entry relative to its folder's handle). Then formatting with
# the JSON WebAssembly plugin (npm's @dprint/json): wasmer runs it on
# stacks of its own whose guard pages must grow as Windows' do
# (ntdll/unix/signal.c), and `fmt` rewrites files through Rust's
# File::create (OPEN_ALWAYS, then a zero allocation size truncates):
# `check`, `fmt --stdin` and `fmt` give the native build's output and files.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @dprint/win32-x64@0.54.0 dprint-win32-x64-0.54.0
fetch @dprint/linux-x64-glibc@0.54.0 dprint-linux-x64-0.54.0
win=$cache/dprint-win32-x64-0.54.0/package/dprint.exe
native=$cache/dprint-linux-x64-0.54.0/package/dprint
chmod +x "$native"

wdp() { "$b/bin/wlx" "$win" "$@"; }
# same NAME ARGS: identical output and exit code (stdin empty: no prompt waits)
same() {
    name=$1; shift
    wdp "$@" </dev/null >"$tmp/w.out" 2>&1; wrc=$?
    "$native" "$@" </dev/null >"$tmp/n.out" 2>&1; nrc=$?
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ]
    check "$name" $? "exit $wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"
}

v=$(wdp --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$("$native" --version)" ]; check "--version: $v" $? "exit $rc"

sh "$src/gen-js.sh" "$tmp/js" || { echo "FAIL cannot generate the project"; exit 1; }
mkdir "$tmp/w" "$tmp/n"
(cd "$tmp/w" && wdp init </dev/null >/dev/null 2>&1); rc=$?
(cd "$tmp/n" && "$native" init </dev/null >/dev/null 2>&1)
[ $rc -eq 0 ] && cmp -s "$tmp/w/dprint.json" "$tmp/n/dprint.json"; check "init writes the same dprint.json" $? "exit $rc"

cp "$tmp/w/dprint.json" "$tmp/js/"
cd "$tmp/js"
same 'output-file-paths' output-file-paths
same 'output-resolved-config' output-resolved-config
same 'license' license
same 'completions bash' completions bash
same 'fmt without plugins' fmt
same 'check without plugins' check

# clear-cache removes the cache tree (under the prefix's LOCALAPPDATA)
c=$WLXPREFIX/drive_c/users/$(id -un)/AppData/Local/dprint/cache
wdp --version >/dev/null 2>&1
mkdir -p "$c/sub/deeper" && echo x > "$c/sub/deeper/f" && echo y > "$c/g"
wdp clear-cache >"$tmp/cc.out" 2>&1; rc=$?
[ $rc -eq 0 ] && [ ! -e "$c" ]; check "clear-cache removes a cache tree" $? "exit $rc: $(head -n 2 "$tmp/cc.out")"

summary() { echo "dprint: $pass passed, $fail failed"; [ $fail -eq 0 ]; }
# the results so far stand when the plugin cannot be fetched
skip() { echo "skipped: $*"; summary; exit; }
fetch @dprint/json@0.24.0 dprint-json-0.24.0
plugin=$cache/dprint-json-0.24.0/package/plugin.wasm

# mkjson DIR: a project using the plugin, with files to format
mkjson() {
    mkdir -p "$1/data"
    cp "$plugin" "$1/"
    echo '{ "json": { "lineWidth": 40 }, "plugins": ["./plugin.wasm"] }' > "$1/dprint.json"
    printf '{"name":"wlx","list":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],\n  // a comment\n"nested":{"a":{"b":{"c":[true,false,null]}}},"s":"with \\"quotes\\""}\n' > "$1/data/a.json"
    printf '[ {"k":1},{"k":2} ,\n\n\n {"k":3}]\n' > "$1/data/b.json"
}
# jsame NAME ARGS: in the two projects, the same output (with the paths
# made the native ones) and exit code; the native build keeps its plugin
# cache in $tmp
jsame() {
    name=$1; shift
    (cd "$tmp/jw" && wdp "$@" <"$tmp/jw/data/a.json" >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/jn" && DPRINT_CACHE_DIR="$tmp/ncache" "$native" "$@" <"$tmp/jn/data/a.json" >"$tmp/n.out" 2>&1); nrc=$?
    # Z:\tmp\...\jw\x becomes /tmp/.../jn/x; other backslashes stay
    sed -e ':a' -e 's|\(Z:[^ :]*\)\\|\1/|' -e 'ta' -e 's|Z:/|/|g' -e 's|/jw/|/jn/|g' "$tmp/w.raw" >"$tmp/w.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ]
    check "$name" $? "exit $wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"
}
mkjson "$tmp/jw"; mkjson "$tmp/jn"
jsame 'wasm plugin: check' check
jsame 'wasm plugin: fmt --stdin' fmt --stdin data/a.json
jsame 'wasm plugin: fmt' fmt
diff -r "$tmp/jw" "$tmp/jn" >"$tmp/d.out"; check 'wasm plugin: fmt writes the same files' $? "$(head -n 4 "$tmp/d.out")"
jsame 'wasm plugin: check after fmt' check

summary
