#!/bin/sh
# tests/apps/biome.sh BUILDDIR — Biome 2.6.8 (Rust: npm's
# @biomejs/cli-win32-x64) under wlx against its Linux build
# (@biomejs/cli-linux-x64) on a project: tests/apps/gen-js.sh's 40 modules
# and a folder of JS, TS, MJS, JSON and CSS files with lint and format
# problems: --version, `lint`, `format`, `check` (diagnostics the same,
# "src\a.js" printed as the Linux build's "src/a.js", the time of "Checked
# N files in T" left out; exit codes), `format --write` and `check --write
# --unsafe` rewriting files the same, `init`'s biome.json, a biome.json of
# rules, formatting stdin (--stdin-file-path), and `explain`.
# Biome walks folders on all threads and prints its diagnostics sorted.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @biomejs/cli-win32-x64@2.6.8 biome-win32-x64-2.6.8
fetch @biomejs/cli-linux-x64@2.6.8 biome-linux-x64-2.6.8
win=$cache/biome-win32-x64-2.6.8/package/biome.exe
native=$cache/biome-linux-x64-2.6.8/package/biome
chmod +x "$native"

wbi() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
nbi() { timeout -k 5 120 "$native" "$@"; }

mkproj() {
    sh "$src/gen-js.sh" "$1/gen" || return 1
    mkdir -p "$1/src/sub"
    printf 'const unused = 1;\ndebugger;\nif (x == null) { console.log("x") }\nfunction f(a, a2) { return a; }\nexport { f };\n' > "$1/src/a.js"
    printf 'let y: any = 3;\nwhile (true) { if (y) break; }\nconst z = [1,2,3].map(v => { v * 2 });\nexport default z;\n' > "$1/src/b.ts"
    printf 'var a = 1;\nif (a = 2) {}\nnew Promise(async (r) => r());\n' > "$1/src/sub/c.mjs"
    printf '{"a":1,\n"b":[1,2,\n3]}\n' > "$1/src/d.json"
    printf '.a{color:red;;}\n.b { margin : 0 }\n' > "$1/src/e.css"
    printf 'export const ok = 1;\n' > "$1/src/ok.js"
}
mkproj "$tmp/w" && mkproj "$tmp/n" || { echo "FAIL cannot generate the project"; exit 1; }

# same NAME CODE ARGS: in the two projects, the same output (paths with
# slashes, no time; its lines sorted when SORTED is 1: files are checked in
# the order threads finish them) and exit code, which is CODE
same() {
    name=$1 code=$2; shift 2
    (cd "$tmp/w" && wbi "$@" </dev/null >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && nbi "$@" </dev/null >"$tmp/n.raw" 2>&1); nrc=$?
    for s in w n; do
        sed -e '/^\(src\|gen\)\\/ s#\\#/#g' -e 's/^\(Checked\|Formatted\) \([0-9]* files\?\) in [0-9.]*[mµun]*s\./\1 \2./' "$tmp/$s.raw" >"$tmp/$s.out"
        [ "$sorted" = 1 ] && sort "$tmp/$s.out" -o "$tmp/$s.out"
    done
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ] && [ -s "$tmp/w.out" ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

v=$(wbi --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(nbi --version 2>&1)" ]; check "--version: $(echo $v)" $? "exit $rc"
sorted=1
same 'lint src' 1 lint src
same 'lint gen (40 modules)' 0 lint --max-diagnostics=none gen
same 'format src' 1 format src
same 'check src gen' 1 check --max-diagnostics=none src gen
sorted=
same 'lint src/sub/c.mjs' 1 lint src/sub/c.mjs
same 'check src/ok.js: clean' 0 check src/ok.js
same 'explain noDebugger' 0 explain noDebugger
printf 'const  a = {b:1,\n  c : [1,2]}\n' >"$tmp/in.ts"
wbi format --stdin-file-path=x.ts <"$tmp/in.ts" >"$tmp/w.out" 2>&1; rc=$?
nbi format --stdin-file-path=x.ts <"$tmp/in.ts" >"$tmp/n.out" 2>&1
[ $rc -eq 0 ] && [ -s "$tmp/w.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check 'format from stdin' $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"

same 'format --write gen' 0 format --write gen
diff -r "$tmp/w/gen" "$tmp/n/gen" >"$tmp/d.out"; check 'format --write: the same files' $? "$(head -n 4 "$tmp/d.out")"
sorted=1
same 'check --write --unsafe src' 1 check --write --unsafe src
diff -r "$tmp/w/src" "$tmp/n/src" >"$tmp/d.out" && ! grep -q debugger "$tmp/w/src/a.js"
check 'check --write --unsafe: the same files, debugger removed' $? "$(head -n 4 "$tmp/d.out")"

sorted=
same 'init' 0 init
cmp -s "$tmp/w/biome.json" "$tmp/n/biome.json"; check 'init writes the same biome.json' $?
for s in w n; do
    printf '{ "linter": { "rules": { "suspicious": { "noExplicitAny": "off" }, "style": { "useTemplate": "error" } } },\n  "formatter": { "indentStyle": "space", "indentWidth": 4 } }\n' >"$tmp/$s/biome.json"
    printf 'const name = "w";\nexport const s = "hello " + name;\nexport const t: any = 1;\n' >"$tmp/$s/src/f.ts"
done
same 'biome.json rules: check src/f.ts' 1 check src/f.ts
same 'biome.json formatter: format --write src' 0 format --write src
diff -r "$tmp/w/src" "$tmp/n/src" >"$tmp/d.out" && grep -rq '^    ' "$tmp/w/src"
check 'format --write with 4 spaces: the same files' $? "$(head -n 4 "$tmp/d.out")"

echo "biome: $pass passed, $fail failed"
[ $fail -eq 0 ]
