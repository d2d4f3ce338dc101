#!/bin/sh
# tests/loader/badinput.sh BUILDDIR — bad input gets one line that names
# the problem and a non-zero exit: never a crash, a hang or a core dump.
# (A wlx-only test: it checks wlx's own messages.)
b=${1:-build}
b=$(cd "$b" && pwd)
wlx=$b/bin/wlx
in=$b/test-inputs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=$tmp/prefix; export WLXPREFIX
cd_core=$tmp/cores; mkdir -p "$cd_core"
pass=0; fail=0

# expect NAME EXIT PATTERN FILE [ARGS]
expect() {
    name=$1 code=$2 pattern=$3; shift 3
    out=$( cd "$cd_core" && timeout -k 2 20 "$wlx" "$@" 2>&1 >/dev/null )
    rc=$?
    if [ $rc -ne "$code" ] || ! printf '%s\n' "$out" | grep -qi -- "$pattern" || [ "$(printf '%s\n' "$out" | wc -l)" -gt 1 ]; then
        echo "FAIL $name: exit $rc (want $code), stderr: $out (want one line matching '$pattern')"
        fail=$((fail + 1))
    else
        echo "ok   $name: $out"
        pass=$((pass + 1))
    fi
}

patch() { # FILE OFFSET_EXPR HEXBYTES: write bytes at an offset computed from e_lfanew
    perl -e 'open F, "+<", $ARGV[0] or die; binmode F; read F, $h, 64; $pe = unpack("V", substr($h, 0x3c, 4));
             $off = eval($ARGV[1]); seek F, $off, 0; print F pack("H*", $ARGV[2]); close F' "$@"
}

expect "missing file" 127 "no such file" "$tmp/nothere.exe"
printf 'hello\n' > "$tmp/text.exe"
expect "not a PE file" 126 "not a Windows program" "$tmp/text.exe"
printf 'MZ' > "$tmp/tiny.exe"
expect "tiny file" 126 "not a Windows program" "$tmp/tiny.exe"
cp "$in/plain.exe" "$tmp/x86.exe"; patch "$tmp/x86.exe" '$pe + 4' 4c01
expect "32-bit program" 126 "32-bit programs are not supported yet" "$tmp/x86.exe"
expect "a DLL" 126 "is a DLL, not a program" "$in/lib.dll"
head -c 2000 "$in/plain.exe" > "$tmp/trunc.exe"
expect "truncated" 126 "beyond the end of the file" "$tmp/trunc.exe"
cp "$in/plain.exe" "$tmp/imports.exe"; patch "$tmp/imports.exe" '$pe + 24 + 112 + 8' ffffff7f
expect "import table outside the image" 126 "import table points outside the image" "$tmp/imports.exe"
# ImageBase 0 forces a relocation; then break the first relocation block's size
cp "$in/plain.exe" "$tmp/reloc.exe"; patch "$tmp/reloc.exe" '$pe + 24 + 24' 0000000000000000
perl -e 'open F, "+<", $ARGV[0]; binmode F; read F, $h, 4096; $pe = unpack("V", substr($h, 0x3c, 4));
         $rva = unpack("V", substr($h, $pe + 24 + 112 + 40, 4)); $n = unpack("v", substr($h, $pe + 6, 2));
         $opt = unpack("v", substr($h, $pe + 20, 2)); $sec = $pe + 24 + $opt;
         for $i (0 .. $n - 1) { ($va, $raw, $ptr) = unpack("x12 V x4 V x0", substr($h, $sec + 40 * $i, 40)) ;
             $va = unpack("V", substr($h, $sec + 40 * $i + 12, 4)); $vs = unpack("V", substr($h, $sec + 40 * $i + 8, 4));
             $ptr = unpack("V", substr($h, $sec + 40 * $i + 20, 4));
             if ($rva >= $va && $rva < $va + $vs) { seek F, $ptr + $rva - $va + 4, 0; print F pack("V", 3); } }
         close F' "$tmp/reloc.exe"
expect "bad relocations" 126 "bad relocation" "$tmp/reloc.exe"
expect "missing DLL" 53 "needsdll.exe: needs nosuchdll.dll, which was not found" "$in/needsdll.exe"
expect "missing export" 57 "kernel32.dll has no export CreateFooW" "$in/needsexport.exe"
expect "unimplemented function" 2 "unimplemented function kernel32.AddLocalAlternateComputerNameW called" "$in/callstub.exe"
expect "GetProcAddress of a stub: not found" 0 "" "$in/callstub.exe" probe
expect "plain program still runs" 0 "" "$in/plain.exe"
if [ -n "$(ls "$cd_core")" ]; then echo "FAIL core files left: $(ls "$cd_core")"; fail=$((fail + 1)); fi
echo "badinput: $pass passed, $fail failed"
[ $fail -eq 0 ]
