#!/bin/sh
# tests/loader/registry.sh BUILDDIR — the registry persists in the prefix:
# a value set with reg.exe and flushed survives a SIGKILL of the server; one
# set without a flush survives the server's normal exit; a damaged registry
# file gives a one-line warning and a server that works with what it read.
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
prefix=$tmp/prefix
WLXPREFIX=$prefix; export WLXPREFIX
helper=$b/tests/advapi32/regprog.exe
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    "$b/bin/wlxserver" --prefix "$prefix" -k >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
pass=0; fail=0
check() { # NAME CONDITION-RESULT DETAIL
    if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}
reg() { timeout 20 "$b/bin/wlx" reg "$@"; }
# the running server's pid, from its lock file (see server/README.md)
lock_pid() {
    dev=$(stat -c %D "$prefix"); ino=$(printf '%x' "$(stat -c %i "$prefix")")
    cat "/tmp/.wlx-$(id -u)/server-$dev-$ino/lock" 2>/dev/null
}
# waits (10 s at most) until no server runs for the prefix
wait_server_gone() {
    i=0
    while [ $i -lt 100 ]; do
        pid=$(lock_pid)
        if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then return 0; fi
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
KEY='HKCU\Software\WlxPersist'

# 1. set + flush, then SIGKILL: the value is there after a restart
reg add "$KEY" /v flushed /d kept /f >/dev/null; check "reg add" $? ""
timeout 20 "$b/bin/wlx" "$helper" flush "Software\\WlxPersist"; check "RegFlushKey" $? ""
pid=$(lock_pid)
[ -n "$pid" ] && kill -9 "$pid"; check "server killed with SIGKILL" $? "no pid in the lock file"
wait_server_gone; check "server gone" $? ""
ls "$prefix"/*.tmp >/dev/null 2>&1; [ $? -ne 0 ]; check "no temporary file left" $? "$(ls "$prefix")"
reg query "$KEY" /v flushed 2>&1 | grep -q "REG_SZ *kept"; check "flushed value survives SIGKILL" $? ""

# 2. no flush, normal exit (3 s after the last client): saved at exit
reg add "$KEY" /v unflushed /t REG_DWORD /d 7 /f >/dev/null; check "reg add without flush" $? ""
wait_server_gone; check "server exits when idle" $? ""
reg query "$KEY" /v unflushed 2>&1 | grep -q "REG_DWORD *0x7"; check "unflushed value survives a normal exit" $? ""
"$b/bin/wlxserver" --prefix "$prefix" -k >/dev/null 2>&1
wait_server_gone

# 3. a file cut short: a warning, what was read is kept, the server works
head -c 300 "$prefix/system.reg" > "$tmp/cut" && cp "$tmp/cut" "$prefix/system.reg"
"$b/bin/wlxserver" --prefix "$prefix" -p 2> "$tmp/err.txt" &
server_pid=$!
sleep 0.5
grep -q "warning: .*system.reg" "$tmp/err.txt"; check "cut file: one warning" $? "$(cat "$tmp/err.txt")"
[ "$(wc -l < "$tmp/err.txt")" -eq 1 ]; check "cut file: one line" $? "$(cat "$tmp/err.txt")"
reg query "$KEY" /v flushed 2>&1 | grep -q kept; check "cut file: the server works" $? ""
reg add 'HKLM\Software\WlxPersist' /v after /d cut /f >/dev/null; check "cut file: writes work" $? ""
[ -f "$prefix/system.reg.bad" ]; check "cut file kept as system.reg.bad" $? "$(ls "$prefix")"
"$b/bin/wlxserver" --prefix "$prefix" -k >/dev/null 2>&1; wait "$server_pid"; server_pid=
reg query 'HKLM\Software\WlxPersist' /v after 2>&1 | grep -q cut; check "repaired file saved at exit" $? ""
"$b/bin/wlxserver" --prefix "$prefix" -k >/dev/null 2>&1
wait_server_gone

# 4. garbage: a warning and the defaults again
printf 'garbage\n\001\002' > "$prefix/user.reg"
"$b/bin/wlxserver" --prefix "$prefix" -p 2> "$tmp/err2.txt" &
server_pid=$!
sleep 0.5
grep -q "warning: .*user.reg is not a wlx registry file" "$tmp/err2.txt"; check "garbage: warning" $? "$(cat "$tmp/err2.txt")"
reg query 'HKCU\Environment' >/dev/null 2>&1; check "garbage: defaults back" $? ""
kill "$server_pid"; wait "$server_pid"; server_pid=

echo "registry.sh: $pass passed, $fail failed"
[ $fail -eq 0 ]
