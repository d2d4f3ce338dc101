#!/bin/sh
# bench/run.sh BUILDDIR — make bench: runs every benchmark program natively,
# under BUILDDIR/bin/wlx and under Wine (when installed), then prints one
# table with the ratios to native, process start times and peak memory.
# It builds nothing (make bench does). Timings are reported, never judged:
# the machine is shared and noisy.
#
# Each run has a timeout; a run that fails or prints no number shows as
# "n/a (exit N)" and its first error line is listed under the table.
# Scratch files, prefixes and logs go to BUILDDIR/bench/. BENCH_RUNS (default
# 20) sets how many runs each process-start time averages, BENCH_ROUNDS
# (default 2) how many times each benchmark program runs on each side.

b=${1:-build}
root=$(pwd)
bin=$root/$b/bench
wlx=$root/$b/bin/wlx
wlxserver=$root/$b/bin/wlxserver
scratch=$bin/tmp
logs=$bin/logs
runs=${BENCH_RUNS:-20}           # runs per process-start measurement
rounds=${BENCH_ROUNDS:-2}        # runs of each benchmark program per side
WLXPREFIX=$bin/wlx-prefix; export WLXPREFIX
WINEPREFIX=$bin/wine-prefix; export WINEPREFIX
WINEDEBUG=-all; export WINEDEBUG
wine=${WINE:-wine}
command -v "$wine" >/dev/null 2>&1 || wine=
command -v hyperfine >/dev/null 2>&1 && have_hyperfine=1 || have_hyperfine=

rm -rf "$scratch" "$logs"
mkdir -p "$scratch" "$logs"
failures=$logs/failures

# --- formatting ---------------------------------------------------------

# fmt_ns NS: three significant digits in ns, µs or ms; anything else as is
fmt_ns() {
    case $1 in
    n/a*|'') printf '%s' "${1:-n/a}" ;;
    *) awk -v v="$1" 'BEGIN {
        u = "ns"; if (v >= 1e6) { v /= 1e6; u = "ms" } else if (v >= 1e3) { v /= 1e3; u = "µs" }
        f = v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s"; printf f, v, u }' ;;
    esac
}

# ratio A B: A/B as "1.41×", or n/a when either is not a number
ratio() {
    case "$1$2" in
    *n/a*) printf 'n/a' ;;
    *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "n/a" }' ;;
    esac
}

# pad WIDTH STRING: right-aligned in WIDTH columns; printf counts bytes, and
# µ and × take two bytes for one column
pad() {
    w=$1
    case $2 in *µ*|*×*) w=$((w + 1)) ;; esac
    printf " %${w}s" "$2"
}

# row LABEL NATIVE WLX WINE: one table line (values in ns or n/a)
row() {
    printf '%-22s' "$1"
    pad 12 "$(fmt_ns "$2")"; pad 15 "$(fmt_ns "$3")"; pad 15 "$(fmt_ns "$4")"
    pad 11 "$(ratio "$3" "$2")"; pad 12 "$(ratio "$4" "$2")"
    echo
}

# note_failure LABEL LOG: keep the first error line of a failed run
note_failure() {
    line=$(grep -a -m 1 -v '^[[:space:]]*$' "$2" 2>/dev/null)
    echo "$1: ${line:-(no output)}" >>"$failures"
}

# --- one benchmark program ---------------------------------------------------

# run_prog LABEL NAME COMMAND...: prints the ns per op the program reports,
# or "n/a (exit N)"
run_prog() {
    label=$1 name=$2; shift 2
    log=$logs/$(echo "$label" | tr ' /' '__').log
    (cd "$scratch" && timeout -k 5 60 "$@" </dev/null >"$log" 2>&1)
    rc=$?
    value=$(awk -v n="$name" '$1 == n && NF == 2 && $2 ~ /^[0-9.]+$/ { v = $2 } END { print v }' "$log")
    if [ $rc -eq 0 ] && [ -n "$value" ]; then printf '%s' "$value"; return; fi
    note_failure "$label" "$log"
    if [ $rc -eq 124 ]; then printf 'n/a (timeout)'
    elif [ $rc -eq 0 ]; then printf 'n/a (no result)'
    else printf 'n/a (exit %d)' $rc; fi
}

# --- process start ---------------------------------------------------------

# start_time LABEL PREPARE COMMAND...: mean wall time in ns of COMMAND over
# $runs runs, PREPARE (a shell command, may be empty) run before each one
start_time() {
    label=$1 prepare=$2; shift 2
    log=$logs/$(echo "$label" | tr ' /' '__').log
    [ -n "$prepare" ] && sh -c "$prepare" >/dev/null 2>&1
    # one checked run first: a failing command gets n/a, not a timing
    (cd "$scratch" && timeout -k 5 60 "$@" </dev/null >"$log" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] || ! grep -q '^hello' "$log"; then
        note_failure "$label" "$log"
        [ $rc -eq 124 ] && printf 'n/a (timeout)' || printf 'n/a (exit %d)' $rc
        return
    fi
    if [ -n "$have_hyperfine" ]; then
        csv=$logs/hyperfine.csv
        printf '%s\n' "$prepare" >"$logs/prepare.sh"
        set -- hyperfine -N --style none --warmup 2 --runs "$runs" --export-csv "$csv" \
            --prepare "sh $logs/prepare.sh" "$(quote_args "$@")"
        if (cd "$scratch" && timeout 600 "$@" >"$log.hyperfine" 2>&1); then
            awk -F, 'NR == 2 { printf "%.0f", $2 * 1e9 }' "$csv"
            return
        fi
        # a run failed after the checked one: say which exit code it had
        note_failure "$label (one of $runs runs)" "$log.hyperfine"
        code=$(sed -n 's/.*non-zero exit code: \([0-9]*\).*/\1/p' "$log.hyperfine" | head -n 1)
        printf 'n/a (exit %s)' "${code:-?}"
        return
    fi
    total=0 i=0
    while [ $i -lt "$runs" ]; do
        [ -n "$prepare" ] && sh -c "$prepare" >/dev/null 2>&1
        t0=$(date +%s%N)
        (cd "$scratch" && "$@" </dev/null >/dev/null 2>&1)
        t1=$(date +%s%N)
        total=$((total + t1 - t0)) i=$((i + 1))
    done
    printf '%s' $((total / runs))
}

# quote_args ARGS...: one string hyperfine splits back into ARGS
quote_args() {
    for a in "$@"; do printf "'%s' " "$a"; done
}

# peak_rss COMMAND...: the peak resident memory of COMMAND in KiB, or n/a
peak_rss() {
    kib=$(cd "$scratch" && timeout -k 5 60 "$bin/maxrss" "$@" 2>&1 >/dev/null </dev/null | awk '$1 == "maxrss" { print $2 }')
    printf '%s' "${kib:-n/a}"
}

fmt_kib() {
    case $1 in
    n/a*) printf '%s' "$1" ;;
    *) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
    esac
}

# --- the runs ----------------------------------------------------------------

if [ -n "$wine" ] && [ ! -d "$WINEPREFIX" ]; then
    echo "creating the Wine prefix $WINEPREFIX..."
    "$wine" reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null 2>&1
fi
[ -n "$wine" ] && wineserver -p

echo "wlx: $wlx (WLXPREFIX=$WLXPREFIX)"
echo "wine: ${wine:-not installed}${wine:+ (WINEPREFIX=$WINEPREFIX)}"
echo "each number is the best of $rounds runs x the program's repetitions; process start is the mean of $runs runs"
echo
printf '%-22s %12s %15s %15s %11s %12s\n' benchmark native wlx wine wlx/native wine/native

# best A B: the smaller number; a number beats an n/a
best() {
    case "$1|$2" in
    '|'*) printf '%s' "$2" ;;
    n/a*'|'n/a*) printf '%s' "$1" ;;
    n/a*) printf '%s' "$2" ;;
    *'|'n/a*) printf '%s' "$1" ;;
    *) awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? a : b }' ;;
    esac
}

# Each benchmark runs $rounds times on each side, the sides taking turns, and
# the best of each side is kept: a burst of load from other users of the
# machine then rarely hits all the rounds of one side.
# bench_row LABEL NAME EXE: program NAME natively ($bin/NAME) against EXE
# under wlx and Wine
bench_row() {
    label=$1 name=$2 exe=$3
    native= viawlx= viawine=
    round=0
    while [ $round -lt "$rounds" ]; do
        native=$(best "$native" "$(run_prog "$label native" $name "$bin/$name")")
        viawlx=$(best "$viawlx" "$(run_prog "$label wlx" $name "$wlx" "$bin/$exe")")
        [ -n "$wine" ] && viawine=$(best "$viawine" "$(run_prog "$label wine" $name "$wine" "$bin/$exe")")
        round=$((round + 1))
    done
    row "$label" "$native" "$viawlx" "${viawine:-n/a}"
}

for name in heap writefile openclose virtualalloc qpc thread process event_wait event_pingpong iocp_pingpong event_create avcatch cxxthrow; do
    bench_row $name $name $name.exe
    if [ $name = avcatch ]; then
        # the same wlx and Wine figures against the least a Linux program
        # pays for a caught fault (avcatch.c): what no user-space work can beat
        floor= round=0
        while [ $round -lt "$rounds" ]; do
            floor=$(best "$floor" "$(run_prog "avcatch floor" avfloor env AVCATCH_FLOOR=1 "$bin/avcatch")")
            round=$((round + 1))
        done
        row "avcatch vs Linux floor" "$floor" "$viawlx" "${viawine:-n/a}"
    fi
done
# the same C++ source built for the MSVC ABI (only with clang and lld-link)
[ -f "$bin/cxxthrow-msvc.exe" ] && bench_row "cxxthrow msvc" cxxthrow cxxthrow-msvc.exe

native=$(start_time "hello native" "" "$bin/hello")
# warm: the prefix exists and a server is running (when there is one)
(cd "$scratch" && timeout -k 5 60 "$wlx" "$bin/hello.exe" </dev/null >/dev/null 2>&1)
server_started=
if [ -x "$wlxserver" ]; then
    "$wlxserver" --prefix "$WLXPREFIX" -k >/dev/null 2>&1   # the one wlx started
    "$wlxserver" --prefix "$WLXPREFIX" -p </dev/null >/dev/null 2>&1 &
    server_started=1
fi
viawlx=$(start_time "hello wlx" "" "$wlx" "$bin/hello.exe")
viawine=n/a
[ -n "$wine" ] && viawine=$(start_time "hello wine" "" "$wine" "$bin/hello.exe")
row "hello (process start)" "$native" "$viawlx" "$viawine"

cold=n/a fresh=n/a
stop_server=
[ -x "$wlxserver" ] && stop_server="'$wlxserver' --prefix '$WLXPREFIX' -k >/dev/null 2>&1"
cold=$(start_time "hello wlx cold" "$stop_server" "$wlx" "$bin/hello.exe")
row "hello, wlx cold" "$native" "$cold" n/a
fresh_dir=$bin/fresh-prefix
fresh_prepare="rm -rf '$fresh_dir'; mkdir '$fresh_dir'"
[ -x "$wlxserver" ] && fresh_prepare="'$wlxserver' --prefix '$fresh_dir' -k >/dev/null 2>&1; $fresh_prepare"
fresh=$(WLXPREFIX=$fresh_dir; export WLXPREFIX; start_time "hello wlx fresh prefix" "$fresh_prepare" "$wlx" "$bin/hello.exe")
row "hello, fresh prefix" "$native" "$fresh" n/a
[ -x "$wlxserver" ] && "$wlxserver" --prefix "$fresh_dir" -k >/dev/null 2>&1
rm -rf "$fresh_dir"

echo
printf 'peak resident memory of hello: native %s, wlx %s, wine %s\n' \
    "$(fmt_kib "$(peak_rss "$bin/hello")")" \
    "$(fmt_kib "$(peak_rss "$wlx" "$bin/hello.exe")")" \
    "$(fmt_kib "$(if [ -n "$wine" ]; then peak_rss "$wine" "$bin/hello.exe"; else echo n/a; fi)")"

[ -n "$server_started" ] && "$wlxserver" --prefix "$WLXPREFIX" -k >/dev/null 2>&1
[ -n "$wine" ] && wineserver -k
if [ -s "$failures" ]; then
    echo
    echo "failed runs (first line of output; logs in $logs):"
    sed 's/^/  /' "$failures"
fi
rm -rf "$scratch"
exit 0
