#!/bin/sh
# tests/apps/deno.sh BUILDDIR — Deno 2.9.6 (Rust, V8, tokio: npm's
# @deno/win32-x64) under wlx against its Linux build (@deno/linux-x64-glibc):
# --version, deno-work.ts (files, Web Crypto, Deno.serve and fetch on
# loopback, a child deno with piped stdout — Rust's std waits on the
# overlapped pipe's own handle —, a Worker, timers), `check` of a clean
# and of a wrong module (TS2322, exit 1), `lint`, `fmt --check`, `fmt`
# rewriting a file and formatting stdin, `test` (a failing test: exit 1),
# stdin and stdout as pipes, an exit code. Colours off, RUST_BACKTRACE
# unset; paths as the program prints them (file:///Z:/..., Z:\...) and
# test times are made the Linux build's.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @deno/win32-x64@2.9.6 deno-win32-x64-2.9.6
fetch @deno/linux-x64-glibc@2.9.6 deno-linux-x64-2.9.6
win=$cache/deno-win32-x64-2.9.6/package/deno.exe
native=$cache/deno-linux-x64-2.9.6/package/deno
chmod +x "$native"
unset RUST_BACKTRACE RUST_LIB_BACKTRACE
NO_COLOR=1 DENO_NO_UPDATE_CHECK=1 DENO_DIR=$tmp/deno-dir; export NO_COLOR DENO_NO_UPDATE_CHECK DENO_DIR

wdeno() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
ndeno() { timeout -k 5 120 "$native" "$@"; }

mkproj() {
    mkdir -p "$1"
    printf 'export function add(a: number, b: number): number {\n  return a + b;\n}\nconst x: string = add(1, 2);\nconsole.log(x);\n' >"$1/wrong.ts"
    cat >"$1/good.ts" <<'TS'
export interface Item { id: number; tags: string[] }
export function summarize(items: Item[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) for (const t of it.tags) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
TS
    cat >"$1/good_test.ts" <<'TS'
import { summarize } from "./good.ts";
Deno.test("counts tags", () => {
  const m = summarize([{ id: 1, tags: ["a", "b"] }, { id: 2, tags: ["a"] }]);
  if (m.get("a") !== 2) throw new Error("bad");
});
Deno.test("empty", () => {
  if (summarize([]).size !== 0) throw new Error("bad");
});
Deno.test("fails", () => {
  throw new Error("expected failure");
});
TS
    printf 'let  unused=1\nconst y = {a:1,\n b : [1,2]}\nexport default y\n' >"$1/fmt.ts"
}
mkproj "$tmp/w"; mkproj "$tmp/n"

# same NAME CODE ARGS: in the two folders, the same output (sorted when
# SORTED is 1) and exit code, which is CODE
same() {
    name=$1 code=$2; shift 2
    (cd "$tmp/w" && wdeno "$@" <"$tmp/w/fmt.ts" >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && ndeno "$@" <"$tmp/n/fmt.ts" >"$tmp/n.raw" 2>&1); nrc=$?
    sed -e '/Z:\\/ s|\\|/|g' -e "s|file:///Z:$tmp/w/|file://$tmp/n/|g" -e "s|Z:$tmp/w/|$tmp/n/|g" -e 's/ ([0-9.]*[mµun]*s)$//' \
        -e 's/ | [0-9]* passed | [0-9]* failed (.*)$//' "$tmp/w.raw" >"$tmp/w.out"
    sed -e 's/ ([0-9.]*[mµun]*s)$//' -e 's/ | [0-9]* passed | [0-9]* failed (.*)$//' "$tmp/n.raw" >"$tmp/n.out"
    [ "$sorted" = 1 ] && for s in w n; do sort "$tmp/$s.out" -o "$tmp/$s.out"; done
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ] && [ -s "$tmp/n.out" ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

# the first line names the target: x86_64-pc-windows-msvc, x86_64-unknown-linux-gnu
v=$(wdeno --version 2>&1 | sed -n '1s/ (\(.*\), .*)$/ \1/p'); n=$(ndeno --version | sed -n '1s/ (\(.*\), .*)$/ \1/p')
[ -n "$v" ] && [ "$v" = "$n" ]; check "--version: $v" $? "$(wdeno --version 2>&1 | head -n 1)"
mkdir "$tmp/w/out" "$tmp/n/out"
same 'deno-work.ts: files, crypto, serve and fetch, a child, a worker' 0 run -A "$src/deno-work.ts" out
diff -r "$tmp/w/out" "$tmp/n/out" >/dev/null; check 'deno-work.ts: the same files' $?
same 'check good.ts' 0 check good.ts
same 'check wrong.ts: TS2322, exit 1' 1 check wrong.ts
same 'lint fmt.ts: exit 1' 1 lint fmt.ts
same 'fmt --check fmt.ts: exit 1' 1 fmt --check fmt.ts
same 'fmt - (stdin)' 0 fmt -
same 'test good_test.ts: a failure, exit 1' 1 test good_test.ts
sorted=1   # the files come in the order its threads finish them
same 'fmt fmt.ts good.ts' 0 fmt fmt.ts good.ts
sorted=
cmp -s "$tmp/w/fmt.ts" "$tmp/n/fmt.ts" && cmp -s "$tmp/w/good.ts" "$tmp/n/good.ts" && grep -q '^let unused = 1;$' "$tmp/w/fmt.ts"
check 'fmt: the same files' $?

out=$(printf 'from a pipe\n' | wdeno eval 'await Deno.stdin.readable.pipeTo(Deno.stdout.writable)'); rc=$?
[ $rc -eq 0 ] && [ "$out" = "from a pipe" ]; check "stdin and stdout as pipes" $? "exit $rc: $out"
wdeno eval 'Deno.exit(7)'; rc=$?
[ $rc -eq 7 ]; check "Deno.exit(7) exits 7" $? "exit $rc"

echo "deno: $pass passed, $fail failed"
[ $fail -eq 0 ]
