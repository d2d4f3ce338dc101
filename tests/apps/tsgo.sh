#!/bin/sh
# tests/apps/tsgo.sh BUILDDIR — TypeScript 7's native compiler, tsgo (Go:
# npm's @typescript/native-preview-win32-x64) under wlx against its Linux
# build (@typescript/native-preview-linux-x64) on a generated project of
# 60 modules (generics, classes, enums, a cycle of imports, two type
# errors): --version, `-p .` (diagnostics, exit code and every emitted
# .js, .d.ts and .js.map the same), --noEmit on one thread and on all of
# them, --pretty diagnostics, --showConfig, --listFilesOnly (paths as the
# program prints them: Z:/... on Windows), --init's tsconfig.json, and
# --build's incremental state: a second build is a no-op that rewrites
# nothing, an edited module is rebuilt.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

v=7.0.0-dev.20260707.2
fetch @typescript/native-preview-win32-x64@$v tsgo-win32-x64-$v
fetch @typescript/native-preview-linux-x64@$v tsgo-linux-x64-$v
win=$cache/tsgo-win32-x64-$v/package/lib/tsgo.exe
native=$cache/tsgo-linux-x64-$v/package/lib/tsgo
chmod +x "$native"

wts() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
nts() { timeout -k 5 120 "$native" "$@"; }

# mkproj DIR: the project (the same every time)
mkproj() {
    mkdir -p "$1/src/lib"
    cat > "$1/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "target": "es2022", "module": "nodenext",
    "rootDir": "src", "outDir": "out", "declaration": true, "sourceMap": true
  },
  "include": ["src"]
}
JSON
    i=0
    while [ $i -lt 60 ]; do
        next=$(( (i + 1) % 60 ))
        {
            echo "import { Box, Kind, describe } from './lib/core.js';"
            [ $i -lt 59 ] && echo "import { make$next } from './m$next.js';"
            echo "export interface Row$i<T> { id: number; payload: T; kind: Kind; }"
            echo "export class Store$i<T extends { id: number }> {"
            echo "  private items = new Map<number, T>();"
            echo "  add(item: T): this { this.items.set(item.id, item); return this; }"
            echo "  get size(): number { return this.items.size; }"
            echo "  find(pred: (t: T) => boolean): T | undefined { for (const v of this.items.values()) if (pred(v)) return v; return undefined; }"
            echo "}"
            echo "export function make$i(n: number): Row$i<Box<string>>[] {"
            echo "  const rows = Array.from({ length: n }, (_, k) => ({ id: k * $i, payload: new Box(describe(k)), kind: k % 2 ? Kind.Odd : Kind.Even }));"
            [ $i -lt 59 ] && echo "  if (n > 1000) make$next(n - 1);"
            echo "  return rows;"
            echo "}"
            [ $i -eq 17 ] && echo "export const wrong: string = make$i(2).length;"
            [ $i -eq 41 ] && echo "export function g(x: number) { return x.toUpperCase(); }"
        } > "$1/src/m$i.ts"
        i=$((i + 1))
    done
    cat > "$1/src/lib/core.ts" <<'TS'
export enum Kind { Even = "even", Odd = "odd" }
export class Box<T> { constructor(readonly value: T) {} map<U>(f: (v: T) => U): Box<U> { return new Box(f(this.value)); } }
export function describe(n: number): string { return `#${n.toString(16).padStart(4, "0")}`; }
export type Deep<T> = { [K in keyof T]: T[K] extends object ? Deep<T[K]> : T[K] };
TS
}
mkproj "$tmp/w"; mkproj "$tmp/n"

# same NAME ARGS: in the two projects, the same output (--verbose's times
# of day left out; the project's path as the program prints it: P/) and
# exit code; an empty output when EMPTY is 1
same() {
    name=$1; shift
    (cd "$tmp/w" && wts "$@" </dev/null 2>&1; echo "exit $?" >"$tmp/w.rc") | sed -e 's/^[0-9:]* [AP]M - //' -e "s|\"Z:$tmp/w/|\"P/|" >"$tmp/w.out"; wrc=$(cat "$tmp/w.rc")
    (cd "$tmp/n" && nts "$@" </dev/null 2>&1; echo "exit $?" >"$tmp/n.rc") | sed -e 's/^[0-9:]* [AP]M - //' -e "s|\"$tmp/n/|\"P/|" >"$tmp/n.out"; nrc=$(cat "$tmp/n.rc")
    { [ -s "$tmp/n.out" ] || [ "$empty" = 1 ]; } && cmp -s "$tmp/w.out" "$tmp/n.out" && [ "$wrc" = "$nrc" ]
    check "$name" $? "$wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

out=$(wts --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "$(nts --version)" ]; check "--version: $out" $? "exit $rc"
same '-p . (2 errors, exit 2)' -p .
diff -r "$tmp/w/out" "$tmp/n/out" >"$tmp/d.out" && [ "$(find "$tmp/w/out" -type f | wc -l)" = 183 ]
check '-p .: the same 183 .js, .d.ts and .js.map files' $? "$(head -n 4 "$tmp/d.out") $(find "$tmp/w/out" -type f | wc -l) files"
same '--noEmit --singleThreaded' --noEmit --singleThreaded -p .
same '--noEmit on all threads' --noEmit -p .
same '--pretty' --noEmit --pretty -p .
same '--showConfig' --showConfig -p .
(cd "$tmp/w" && wts --listFilesOnly -p . </dev/null >"$tmp/w.out" 2>&1); rc=$?
c=$(cd -P "$cache" && pwd)
(cd "$tmp/n" && nts --listFilesOnly -p . </dev/null 2>&1 | sed "s|^$c/tsgo-linux-x64-$v/|L/|; s|^$tmp/n/|P/|" >"$tmp/n.out")
w=$(echo "$c/tsgo-win32-x64-$v/" | sed 's|^/|Z:/|'); p=$(echo "$tmp/w/" | sed 's|^/|Z:/|')
sed -i "s|^$w|L/|; s|^$p|P/|" "$tmp/w.out"
[ $rc -eq 0 ] && [ -s "$tmp/n.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check '--listFilesOnly: the same files, as Z:/ paths' $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"

mkdir "$tmp/w/i" "$tmp/n/i"
(cd "$tmp/w/i" && wts --init </dev/null >/dev/null 2>&1); rc=$?
(cd "$tmp/n/i" && nts --init </dev/null >/dev/null 2>&1)
[ $rc -eq 0 ] && [ -s "$tmp/w/i/tsconfig.json" ] && diff -r "$tmp/w/i" "$tmp/n/i" >/dev/null
check '--init writes the same tsconfig.json' $? "exit $rc"

# --build: the errors fixed, a first build, a no-op one, an edit
for s in w n; do
    rm -rf "$tmp/$s/out" "$tmp/$s/i"
    sed -i 's/^export const wrong: string = /export const wrong: number = /' "$tmp/$s/src/m17.ts"
    sed -i 's/x.toUpperCase()/x.toFixed(2)/' "$tmp/$s/src/m41.ts"
    sed -i 's/"sourceMap": true/"sourceMap": true, "incremental": true/' "$tmp/$s/tsconfig.json"
done
empty=1; same '--build: no output' --build; empty=
diff -r "$tmp/w/out" "$tmp/n/out" >"$tmp/d.out" && [ -f "$tmp/w/tsconfig.tsbuildinfo" ] && cmp -s "$tmp/w/tsconfig.tsbuildinfo" "$tmp/n/tsconfig.tsbuildinfo"
check '--build: the same outputs and tsconfig.tsbuildinfo' $? "$(head -n 4 "$tmp/d.out")"
touch -d '2001-01-01' "$tmp/w/out/m3.js"
same '--build again: nothing to do' --build --verbose
[ "$(date -r "$tmp/w/out/m3.js" +%Y)" = 2001 ]; check '--build again rewrote nothing' $?
for s in w n; do echo 'export const added = 1;' >>"$tmp/$s/src/m3.ts"; done
same '--build after an edit' --build --verbose
diff -r "$tmp/w/out" "$tmp/n/out" >"$tmp/d.out" && grep -q added "$tmp/w/out/m3.d.ts"
check '--build after an edit: the same outputs' $? "$(head -n 4 "$tmp/d.out")"

echo "tsgo: $pass passed, $fail failed"
[ $fail -eq 0 ]
