#!/bin/sh
# tests/loader/unixargs.sh BUILDDIR — arguments that are absolute Unix paths
# reach the Windows program as Windows paths (loader/main.c); switches and
# relative paths stay as they are; --raw-args passes everything unchanged.
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=$tmp/prefix; export WLXPREFIX
mkdir -p "$tmp/dir"; : > "$tmp/dir/file.txt"
pass=0; fail=0
want() { # NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1: got '$3', want '$2'"; fi
}
dos() { printf 'Z:%s' "$1" | tr / '\\'; }   # $tmp is outside the prefix's drive_c
out=$("$b/bin/wlx" "$b/test-inputs/printargs.exe" "$tmp/dir/file.txt" "$tmp/dir/new.txt" "--out=$tmp/dir/o.js" \
      /v /nosuchthing relative/path -x "$tmp/nosuchdir/x" | tr -d '\r')
set -- $(printf '%s\n' "$out" | tr '\n' ' ')
want "an existing file" "$(dos "$tmp/dir/file.txt")" "$1"
want "a new file in an existing folder" "$(dos "$tmp/dir/new.txt")" "$2"
want "--name=/path" "--out=$(dos "$tmp/dir/o.js")" "$3"
want "a switch /v" "/v" "$4"
want "a lone /name that names nothing" "/nosuchthing" "$5"
want "a relative path" "relative/path" "$6"
want "an option" "-x" "$7"
want "a path in a missing folder" "$tmp/nosuchdir/x" "$8"
out=$("$b/bin/wlx" --raw-args "$b/test-inputs/printargs.exe" "$tmp/dir/file.txt" | tr -d '\r')
want "--raw-args" "$tmp/dir/file.txt" "$out"
echo "unixargs: $pass passed, $fail failed"
[ $fail -eq 0 ]
