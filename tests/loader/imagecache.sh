#!/bin/sh
# tests/loader/imagecache.sh BUILDDIR — the image cache (ntdll/unix/image.c):
# a large image with 512-byte file alignment gets a page-aligned copy under
# <prefix>/.cache/images on its first start and runs from it after; a changed
# file gets a new entry (the old one is removed); a damaged entry is rebuilt.
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=$tmp/prefix; export WLXPREFIX
cache=$WLXPREFIX/.cache/images
pass=0; fail=0
check() { # name, condition...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}
runs() { "$b/bin/wlx" "$tmp/prog.exe" > "$tmp/out" 2>&1 && grep -q '0 failures' "$tmp/out"; }
entries() { ls "$cache" 2>/dev/null | grep -c '\.img$'; }

# a C++ test program linked statically: large, FileAlignment 0x200
cp "$b/tests/cpp/iostream.exe" "$tmp/prog.exe"
check "first start runs" runs
check "first start made one entry" [ "$(entries)" = 1 ]
first=$(ls "$cache")
check "second start runs from it" runs
check "still one entry, the same" [ "$(ls "$cache")" = "$first" ]

# the file changes: a new entry replaces the old one
cat "$b/tests/cpp/iostream.exe" > "$tmp/prog.exe"   # same inode, new mtime and ctime
touch -d '2001-01-01' "$tmp/prog.exe"
check "changed file runs" runs
check "changed file: one entry, a new one" [ "$(entries)" = 1 ] && [ "$(ls "$cache")" != "$first" ]

# a damaged entry (truncated) is noticed and rebuilt
entry=$cache/$(ls "$cache")
: > "$entry"
check "damaged entry: still runs" runs
check "damaged entry: rebuilt" [ "$(stat -c %s "$entry")" -gt 0 ]
check "no temporary files left" [ -z "$(ls "$cache" | grep tmp-)" ]

echo "imagecache: $pass passed, $fail failed"
[ $fail -eq 0 ]
