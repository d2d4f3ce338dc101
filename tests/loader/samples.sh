#!/bin/sh
# tests/loader/samples.sh BUILDDIR — the bundled samples run under wlx with
# their arguments, output and exit code intact, through a pipe and a file.
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX
pass=0; fail=0
check() { # NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}

out=$("$b/bin/wlx" "$b/samples/hello.exe" one "two words" 'quo"te' 2>&1)
rc=$?
expected=$(printf 'Hello from Windows!\n')
printf '%s\n' "$out" | head -n 1 | grep -q "^Hello from Windows!" ; check "hello prints its greeting" $? "$out"
printf '%s\n' "$out" | grep -q "two words" ; check "hello gets an argument with a space" $? "$out"
printf '%s\n' "$out" | grep -q 'quo"te' ; check "hello gets an argument with a quote" $? "$out"
[ $rc -eq 0 ]; check "hello exits with 0" $? "exit $rc"
"$b/bin/wlx" "$b/samples/hello.exe" piped | grep -q piped; check "output through a pipe" $? ""
"$b/bin/wlx" "$b/samples/hello.exe" tofile > "$tmp/out.txt"; grep -q tofile "$tmp/out.txt"; check "output to a file" $? "$(cat "$tmp/out.txt")"
if [ -f "$b/samples/cpp/hello.exe" ]; then
    out=$("$b/bin/wlx" "$b/samples/cpp/hello.exe" 2>&1)
    printf '%s\n' "$out" | grep -q "checksum: 5478"; check "C++ sample (iostream, string, vector, map)" $? "$(printf '%s' "$out" | tail -n 3)"
fi
# a Windows path as the program (Z: is /)
winpath="Z:$(printf '%s' "$b/samples/hello.exe" | tr / '\\')"
"$b/bin/wlx" "$winpath" viawinpath 2>&1 | grep -q viawinpath; check "a Windows path as the program" $? "$winpath"
# tracing: +loaddll names each DLL with its address, +relay every call into our DLLs
WLXDEBUG=+loaddll "$b/bin/wlx" "$b/samples/hello.exe" 2>&1 >/dev/null | grep -q 'Loaded L".*msvcrt.dll" at .*: builtin'
check "WLXDEBUG=+loaddll" $? ""
WLXDEBUG=+relay "$b/bin/wlx" "$b/samples/hello.exe" 2>&1 >/dev/null | grep -qi 'Call msvcrt.__set_app_type(00000001)'
check "WLXDEBUG=+relay" $? ""
"$b/bin/wlx" --help | grep -q "Usage: wlx"; check "wlx --help" $? ""
"$b/bin/wlx" --version | grep -q "^wlx "; check "wlx --version" $? ""

# two wlx at once on a fresh prefix both succeed
fresh=$tmp/fresh-prefix
WLXPREFIX=$fresh "$b/bin/wlx" "$b/samples/hello.exe" > "$tmp/a.txt" 2>&1 &
pid=$!
WLXPREFIX=$fresh "$b/bin/wlx" "$b/samples/hello.exe" > "$tmp/b.txt" 2>&1
rc_b=$?
wait $pid
rc_a=$?
[ $rc_a -eq 0 ] && [ $rc_b -eq 0 ] && grep -q Hello "$tmp/a.txt" && grep -q Hello "$tmp/b.txt"
check "two wlx at once on a fresh prefix" $? "exits $rc_a/$rc_b: $(cat "$tmp/a.txt" "$tmp/b.txt")"
[ -d "$fresh/drive_c/windows/system32" ] && [ -L "$fresh/dosdevices/c:" ] && [ -L "$fresh/dosdevices/z:" ]
check "the prefix has drive_c, dosdevices/c: and z:" $? "$(ls -la "$fresh" "$fresh/dosdevices" 2>&1)"

echo "samples: $pass passed, $fail failed"
[ $fail -eq 0 ]
