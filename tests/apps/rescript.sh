#!/bin/sh
# tests/apps/rescript.sh BUILDDIR — ReScript 12.2 (npm's @rescript/win32-x64:
# rescript.exe, the build system, is Rust with the UCRT; it runs bsc.exe,
# the OCaml compiler built with mingw-w64, once per module on several
# threads) under wlx beside the Linux build (@rescript/linux-x64), with
# @rescript/runtime's compiled standard library: a project of 3 hand
# written and 24 generated modules that depend on each other is built (the
# same JavaScript), built again (nothing to do), rebuilt after one module
# changes (the same modules recompiled), a type error reported (the same
# message), formatted (format --check, format, format --stdin) and cleaned.
# Wine 8 cannot start rescript.exe (no bcryptprimitives!ProcessPrng).
# rescript.exe makes bsc's pipes through the pipe file system's root
# (NtOpenFile of \??\PIPE\, a pipe with no name, its client end opened
# relative to it), as Rust's std does since 1.8x.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @rescript/win32-x64@12.2.0 rescript-win32-x64-12.2.0
fetch @rescript/linux-x64@12.2.0 rescript-linux-x64-12.2.0
fetch @rescript/runtime@12.2.0 rescript-runtime-12.2.0
wbin=$cache/rescript-win32-x64-12.2.0/package/bin
nbin=$cache/rescript-linux-x64-12.2.0/package/bin
chmod +x "$nbin"/*.exe

w() { tool=$1; shift; timeout -k 5 120 "$b/bin/wlx" "$wbin/$tool.exe" "$@"; }
n() { tool=$1; shift; timeout -k 5 120 "$nbin/$tool.exe" "$@"; }
# CRLF as LF, each side's folder and Windows' separators made one, timings out
norm() {
    tr -d '\r' | sed -e 's|\\|/|g' -e "s|Z:$tmp/[wn]|SIDE|g" -e "s|$tmp/[wn]|SIDE|g" \
        -e 's/ in [0-9.]*m\?s\b//g' -e 's/[0-9.]*m\?s$//'
}

v=$(w bsc -version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(n bsc -version)" ]; check "bsc -version: $v" $? "exit $rc"

for s in w n; do
    p=$tmp/$s
    mkdir -p "$p/node_modules/@rescript" "$p/src/gen"
    cp -r "$cache/rescript-runtime-12.2.0/package" "$p/node_modules/@rescript/runtime"
    printf '{ "name": "wlxdemo", "version": "1.0.0" }\n' >"$p/package.json"
    cat >"$p/rescript.json" <<'J'
{
  "name": "wlxdemo",
  "sources": [{ "dir": "src", "subdirs": true }],
  "package-specs": [{ "module": "esmodule", "in-source": true }],
  "suffix": ".res.js"
}
J
    cat >"$p/src/Shapes.res" <<'R'
type shape = Circle(float) | Rect(float, float) | Tri(float, float, float)
let area = s =>
  switch s {
  | Circle(r) => Math.Constants.pi *. r *. r
  | Rect(w, h) => w *. h
  | Tri(a, b, c) => {
      let p = (a +. b +. c) /. 2.0
      Math.sqrt(p *. (p -. a) *. (p -. b) *. (p -. c))
    }
  }
let describe = s =>
  switch s {
  | Circle(_) => "circle"
  | Rect(w, h) if w == h => "square"
  | Rect(_) => "rect"
  | Tri(_) => "triangle"
  }
R
    cat >"$p/src/Words.res" <<'R'
let text = "the quick brown fox jumps over the lazy dog the end"
let counts = Dict.make()
text->String.split(" ")->Array.forEach(w => {
  let n = counts->Dict.get(w)->Option.getOr(0)
  counts->Dict.set(w, n + 1)
})
let sorted = counts->Dict.toArray->Array.toSorted(((a, x), (b, y)) =>
  x == y ? String.compare(a, b) : Int.compare(y, x))
let rec fib = n => n < 2 ? n : fib(n - 1) + fib(n - 2)
let twice = async () => {
  let x = await Promise.resolve(fib(20))
  x * 2
}
type person = {name: string, age: int, email?: string}
let people = [{name: "ada", age: 36}, {name: "alan", age: 41, email: "a@b.c"}]
let names = people->Array.map(p => p.name)->JSON.stringifyAny
R
    cat >"$p/src/Main.res" <<'R'
let shapes = [Shapes.Circle(1.5), Rect(2.0, 3.0), Rect(2.0, 2.0), Tri(3.0, 4.0, 5.0)]
let total = shapes->Array.reduce(0.0, (acc, s) => acc +. Shapes.area(s))
shapes->Array.forEach(s => Console.log2(Shapes.describe(s), Shapes.area(s)))
Console.log(`total ${total->Float.toFixed(~digits=3)} ${Gen24.value->Int.toString}`)
Console.log(Words.sorted)
R
    # a chain of generated modules: each uses the one before
    i=1
    while [ $i -le 24 ]; do
        if [ $i -eq 1 ]; then prev=0; else prev="Gen$((i - 1)).value"; fi
        printf 'type t%d = {id: int, label: string}\nlet item = {id: %d, label: "module %d"}\nlet value = %s + item.id * %d\nlet describe = () => `${item.label}: ${value->Int.toString}`\n' \
            $i $i $i "$prev" $i >"$p/src/gen/Gen$i.res"
        i=$((i + 1))
    done
done

# the same run on each side: output and exit codes, then the files compared
steps() {
    $1 rescript build; echo "build: exit $?"
    $1 rescript build; echo "again: exit $?"
    sed -i 's/let value = Gen11.value + item.id \* 12/let value = Gen11.value + item.id * 1200/' src/gen/Gen12.res
    $1 rescript build; echo "after a change: exit $?"
    ls src src/gen | grep '\.res\.js$' | sort | tr '\n' ' '; echo
}
(cd "$tmp/w" && steps w) >"$tmp/w.raw" 2>&1
(cd "$tmp/n" && steps n) >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
grep -q '^after a change: exit 0' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "build, build again, rebuild after a change: the same output" $? "$(diff "$tmp/w.out" "$tmp/n.out" | head -n 8 | tr '\n' ' ')"
bad=
for f in "$tmp"/n/src/*.res.js "$tmp"/n/src/gen/*.res.js; do
    cmp -s "$f" "$tmp/w/${f#$tmp/n/}" || bad="$bad ${f##*/}"
done
[ -z "$bad" ] && [ -f "$tmp/n/src/gen/Gen24.res.js" ]; check "the same JavaScript for all 27 modules" $? "differ:$bad"

# a type error
for s in w n; do printf 'let broken: int = "a string"\n' >"$tmp/$s/src/Broken.res"; done
(cd "$tmp/w" && w rescript build) >"$tmp/w.raw" 2>&1; rc=$?
(cd "$tmp/n" && n rescript build) >"$tmp/n.raw" 2>&1; nrc=$?
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
[ $rc -ne 0 ] && [ $rc -eq $nrc ] && grep -q "Broken.res" "$tmp/w.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "a type error: the same message and exit code" $? "exit $rc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6 | tr '\n' ' ')"
rm -f "$tmp/w/src/Broken.res" "$tmp/n/src/Broken.res"

# the formatter: bsc -format writes through the C runtime's text-mode stdout,
# CRLF on Windows (Wine's bsc.exe too), so rescript.exe there takes a file
# with LF for one that needs formatting: the Windows side's sources get CRLF,
# as a Windows checkout has them
for s in w n; do printf 'let   ugly   =(x)=>{  x+1 }\nlet list=[1,2,\n3]\n' >"$tmp/$s/src/Ugly.res"; done
for f in "$tmp"/w/src/*.res "$tmp"/w/src/gen/*.res; do sed -i 's/$/\r/' "$f"; done
fmt() {
    # the files it lists in the order its threads finish; the error's
    # backtrace has symbols on one side only
    $1 rescript format --check >check.out 2>&1; echo "check: exit $?"
    grep -v -e '^Stack backtrace:' -e '^ *[0-9]*: ' -e '^ *at ' check.out | sort; rm check.out
    $1 rescript format src/Ugly.res; echo "format: exit $?"
    cat src/Ugly.res
    printf 'type   t = |A |B\n' | $1 rescript format --stdin .res; echo "stdin: exit $?"
    $1 rescript clean; echo "clean: exit $?"
    ls src | grep -c '\.res\.js$'
}
(cd "$tmp/w" && fmt w) >"$tmp/w.raw" 2>&1
(cd "$tmp/n" && fmt n) >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
grep -q '^clean: exit 0' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "format --check, format, format --stdin, clean: the same output" $? "$(diff "$tmp/w.out" "$tmp/n.out" | head -n 8 | tr '\n' ' ')"

echo "rescript: $pass passed, $fail failed"
[ $fail -eq 0 ]
