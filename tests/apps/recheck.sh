#!/bin/sh
# tests/apps/recheck.sh BUILDDIR — recheck 4.5.0, a ReDoS checker written in
# Scala and compiled by GraalVM native-image (npm's recheck-windows-x64)
# under wlx against its Linux build (recheck-linux-x64): --help (exit 2),
# the automaton and the fuzz checker (seeded: deterministic) on regular
# expressions safe and vulnerable, exponential and polynomial, a syntax
# error: the same verdicts, attack strings, hotspots and exit codes
# (CRLF as LF; Java writes a pipe in the ANSI code page on Windows, 1252,
# made UTF-8). GraalVM's heap needs kernelbase.dll's VirtualAlloc2 and
# MapViewOfFile3 with address-space placeholders, its 1 MiB chunks 1 MiB
# aligned (VirtualAlloc2's address requirements), and ntdll's RtlImage*.
# Then the `agent` mode: three JSON-RPC checks on stdin, answered on
# stdout as they finish (sorted), and a -Xmx limit (strtoull).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch recheck-windows-x64@4.5.0 recheck-windows-x64-4.5.0
fetch recheck-linux-x64@4.5.0 recheck-linux-x64-4.5.0
win=$cache/recheck-windows-x64-4.5.0/package/recheck.exe
native=$cache/recheck-linux-x64-4.5.0/package/recheck
chmod +x "$native"

# same NAME ARGS: the same output and exit code
same() {
    name=$1; shift
    timeout -k 5 60 "$b/bin/wlx" "$win" "$@" </dev/null >"$tmp/w.raw" 2>&1; wrc=$?
    timeout -k 5 60 "$native" "$@" </dev/null >"$tmp/n.out" 2>&1; nrc=$?
    tr -d '\r' <"$tmp/w.raw" | iconv -f CP1252 -t UTF-8 >"$tmp/w.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ -s "$tmp/n.out" ]
    check "$name" $? "exit $wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

same '--help (exit 2)' --help
same '/^(a+)+$/: exponential' --random-seed 1 '/^(a+)+$/'
same '/^\d+$/: safe' '/^\d+$/'
same '/(a|a)*b/: exponential' --random-seed 1 '/(a|a)*b/'
same 'an e-mail pattern: polynomial' --random-seed 1 '/^([a-z0-9_\.-]+)@([\da-z\.-]+)\.([a-z\.]{2,6})$/'
same 'the automaton checker' --checker automaton '/^(a|ab)*c$/'
same 'the fuzz checker, seeded' --checker fuzz --random-seed 7 '/(x+x+)+y/'
same 'the fuzz checker on /^(\s*,\s*)*$/' --checker fuzz --random-seed 3 '/^(\s*,\s*)*$/'
same 'a syntax error (exit 1)' '/(/'

same 'a heap limit (-Xmx16m)' -Xmx16m --checker fuzz --random-seed 5 '/^(([a-z])+.)+[A-Z]([a-z])+$/'

# the agent: requests on stdin, kept open until the three answers came (it
# answers as checks end, and ends at the end of its input; a fixed pause
# was too short under load: CI-like runs lost an answer), at most 60 s
req() {
    printf '{"jsonrpc":"2.0+push","id":1,"method":"check","params":{"source":"^(a+)+$","flags":"","params":{"randomSeed":1}}}\n'
    printf '{"jsonrpc":"2.0+push","id":2,"method":"check","params":{"source":"^[a-z]+@[a-z]+\\\\.com$","flags":"i","params":{"randomSeed":1}}}\n'
    printf '{"jsonrpc":"2.0+push","id":3,"method":"check","params":{"source":"(x+x+)+y","flags":"","params":{"randomSeed":1,"checker":"fuzz"}}}\n'
}
# agent OUT RUNNER...: RUNNER agent's sorted output (CR dropped) in OUT
agent() {
    out=$1; shift
    rm -f "$tmp/agent.in"; mkfifo "$tmp/agent.in"
    timeout -k 5 60 "$@" agent <"$tmp/agent.in" >"$out.raw" 2>&1 &
    apid=$!
    exec 9>"$tmp/agent.in"
    req >&9
    n=0
    while [ $n -lt 600 ] && [ "$(grep -c '"result"' "$out.raw")" -lt 3 ] && kill -0 $apid 2>/dev/null; do
        sleep 0.1; n=$((n + 1))
    done
    exec 9>&-
    wait $apid
    tr -d '\r' <"$out.raw" | sort >"$out"
}
agent "$tmp/w.out" "$b/bin/wlx" "$win"
agent "$tmp/n.out" "$native"
[ "$(grep -c '"result"' "$tmp/w.out")" = 3 ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check 'agent: three JSON-RPC checks' $? "$(diff "$tmp/w.out" "$tmp/n.out" | head -c 300)"

echo "recheck: $pass passed, $fail failed"
[ $fail -eq 0 ]
