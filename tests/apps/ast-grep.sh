#!/bin/sh
# tests/apps/ast-grep.sh BUILDDIR — ast-grep 0.51.1's Windows build (Rust,
# MSVC: npm's @ast-grep/cli-win32-x64-msvc) under wlx against its Linux
# build (@ast-grep/cli-linux-x64-gnu) on the generated JavaScript project:
# `run -p` (text and JSON), `scan` with a rule folder, a rewrite of the tree
# (-U), a pattern that matches nothing, --version. Outputs must be identical
# but for the path separator (the Windows build prints src\mod1.js).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @ast-grep/cli-win32-x64-msvc@0.51.1 ast-grep-win32-x64-0.51.1
fetch @ast-grep/cli-linux-x64-gnu@0.51.1 ast-grep-linux-x64-0.51.1
win=$cache/ast-grep-win32-x64-0.51.1/package/ast-grep.exe
native=$cache/ast-grep-linux-x64-0.51.1/package/ast-grep
chmod +x "$native"

wsg() { "$b/bin/wlx" "$win" "$@"; }
# the Windows build's output with its path separators made '/' (only in paths: "src\" and "src\\" in JSON)
unwin() { sed 's#src\\\\#src/#g; s#src\\#src/#g'; }
# same NAME: both builds' output and exit code for the same arguments (one thread: a fixed order)
same() {
    name=$1; shift
    wsg "$@" >"$tmp/w.out" 2>&1; wrc=$?
    "$native" "$@" >"$tmp/n.out" 2>&1; nrc=$?
    unwin <"$tmp/w.out" | cmp -s - "$tmp/n.out" && [ $wrc -eq $nrc ]
    check "$name" $? "exit $wrc (native $nrc): $(unwin <"$tmp/w.out" | diff - "$tmp/n.out" | head -n 4)"
}

v=$(wsg --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$("$native" --version)" ]; check "--version: $v" $? "exit $rc"

sh "$src/gen-js.sh" "$tmp/js" || { echo "FAIL cannot generate the project"; exit 1; }
cd "$tmp/js"
mkdir rules
printf 'ruleDirs:\n  - rules\n' > sgconfig.yml
cat > rules/map-pad.yml <<'YML'
id: map-pad
language: JavaScript
severity: warning
message: a map over a table
rule:
  pattern: $A.map($$$B)
YML

same 'run -p (text)' run -j 1 -p 'export function $F($$$A) { $$$B }' --lang js src
same 'run -p (JSON)' run -j 1 -p 'export class $C { $$$B }' --lang js --json=compact src
same 'run -p matching nothing' run -j 1 -p 'nothing_matches_this($X)' --lang js src
same 'scan with a rule folder' scan -j 1
same 'scan (JSON)' scan -j 1 --json=compact

# a rewrite of the whole tree: the same files afterwards
cp -r "$tmp/js" "$tmp/jw"; cp -r "$tmp/js" "$tmp/jn"
(cd "$tmp/jw" && wsg run -p '$A.map($$$B)' -r '$A.flatMap($$$B)' --lang js -U src >"$tmp/u.log" 2>&1); rc=$?
(cd "$tmp/jn" && "$native" run -p '$A.map($$$B)' -r '$A.flatMap($$$B)' --lang js -U src >/dev/null 2>&1)
[ $rc -eq 0 ] && diff -r "$tmp/jw" "$tmp/jn" >/dev/null; check "rewrite (-U): the same tree" $? "exit $rc: $(head -n 2 "$tmp/u.log")"
# a bad pattern language: an error and exit code as natively
same 'an unknown language is an error' run -p 'x' --lang no-such-lang src

echo "ast-grep: $pass passed, $fail failed"
[ $fail -eq 0 ]
