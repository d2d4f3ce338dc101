#!/bin/sh
# tests/apps/dprint.sh BUILDDIR — dprint 0.54.0's Windows build (Rust: npm's
# @dprint/win32-x64) under wlx against its Linux build
# (@dprint/linux-x64-glibc) in a generated project: --version, `init` (the
# same dprint.json; the plugin list cannot be fetched offline), the commands
# that need no plugin (output-file-paths, output-resolved-config, license,
# completions), `fmt`/`check` without plugins (the same error and exit
# code), and `clear-cache` of a cache tree (Rust's remove_dir_all, which
# opens each entry relative to its folder's handle). Formatting itself
# needs WebAssembly plugins from the network.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX

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

echo "dprint: $pass passed, $fail failed"
[ $fail -eq 0 ]
