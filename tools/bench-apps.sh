#!/bin/sh
# tools/bench-apps.sh BUILDDIR — real programs under wlx, natively and under
# Wine (make bench-apps): 7-Zip's 7za.exe (npm 7zip-bin 5.2.0) against
# Debian's 7zz, esbuild 0.28.2's Windows build against its Linux build.
# Packages are fetched with `npm pack` into BUILDDIR/apps-cache once. Each
# job runs warm (one run first), timed by hyperfine when installed, else by
# a loop of `date +%s%N`; the table gives the mean and the ratios to native.
# A job that fails shows "fails" and the others go on. Without npm or the
# registry the script says so and exits 0. BENCH_RUNS sets the runs (3);
# BENCH_JOBS picks jobs by name, comma-separated ("7za x,esbuild bundle";
# all when unset).
b=$(cd "${1:-build}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/apps/lib.sh"
runs=${BENCH_RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
WLXPREFIX=${WLXPREFIX:-$work/wlx-prefix}; export WLXPREFIX
wlx=$b/bin/wlx

skip() { echo "bench-apps skipped: $*"; exit 0; }
fetch 7zip-bin@5.2.0 7zip-bin-5.2.0
fetch @esbuild/win32-x64@0.28.2 esbuild-win32-x64-0.28.2
fetch @esbuild/linux-x64@0.28.2 esbuild-linux-x64-0.28.2
sevenza=$cache/7zip-bin-5.2.0/package/win/x64/7za.exe
esbuild_win=$cache/esbuild-win32-x64-0.28.2/package/esbuild.exe
esbuild_native=$cache/esbuild-linux-x64-0.28.2/package/bin/esbuild
chmod +x "$esbuild_native"
sevenzz=$(command -v 7zz)
wine=$(command -v wine)
[ -x "$wlx" ] || skip "$wlx is not built"

# ---- inputs ----
echo "generating the inputs in $work"
sh "$top/tests/apps/gen-tree.sh" "$work/7z/data" 50 || skip "cannot generate the 7-Zip input"
# esbuild: a project of 40 ES modules importing each other and a package
proj=$work/js
sh "$top/tests/apps/gen-js.sh" "$proj" || skip "cannot generate the esbuild input"

# ---- timing ----
have_hyperfine=0
command -v hyperfine >/dev/null 2>&1 && have_hyperfine=1

# time_cmd PREPARE COMMAND: prints the mean in seconds, or "fails". Both
# run in $work, written to scripts so that hyperfine needs no quoting.
count=0
time_cmd() {
    count=$((count + 1))
    printf 'cd "%s" && %s\n' "$work" "$1" > "$work/prep$count.sh"
    printf 'cd "%s" && %s\n' "$work" "$2" > "$work/cmd$count.sh"
    # warm-up, and the check that the job works at all
    { sh "$work/prep$count.sh" && sh "$work/cmd$count.sh"; } >/dev/null 2>&1 || { echo fails; return; }
    if [ $have_hyperfine = 1 ]; then
        hyperfine -N --runs "$runs" --prepare "sh $work/prep$count.sh" --export-json "$work/h.json" \
            "sh $work/cmd$count.sh" >/dev/null 2>&1 || { echo fails; return; }
        sed -n 's/.*"mean": *\([0-9.e+-]*\).*/\1/p' "$work/h.json" | head -n 1
    else
        total=0; n=0
        while [ $n -lt "$runs" ]; do
            sh "$work/prep$count.sh" >/dev/null 2>&1
            t0=$(date +%s%N); sh "$work/cmd$count.sh" >/dev/null 2>&1 || { echo fails; return; }
            t1=$(date +%s%N); total=$((total + t1 - t0)); n=$((n + 1))
        done
        awk -v t=$total -v n=$n 'BEGIN { printf "%.6f\n", t / n / 1e9 }'
    fi
}

if [ -n "$wine" ]; then
    WINEPREFIX=$b/bench-wine-prefix; export WINEPREFIX
    WINEDEBUG=-all; export WINEDEBUG
    "$wine" cmd /c exit >/dev/null 2>&1   # creates the prefix outside the timing
fi

# one row: NAME, then PREPARE and COMMAND for wlx, native, wine ("" = none)
results=$work/results
wanted() { case ",${BENCH_JOBS:-$1}," in *",$1,"*) return 0;; esac; return 1; }
row() {
    name=$1
    wanted "$name" || return 0
    w=$(time_cmd "$2" "$3")
    n=$( [ -n "$5" ] && time_cmd "$4" "$5" || echo "-")
    v=$( [ -n "$wine" ] && [ -n "$7" ] && time_cmd "$6" "$7" || echo "-")
    printf '%s|%s|%s|%s\n' "$name" "$w" "$n" "$v" >> "$results"
    printf '  %-18s wlx %s  native %s  wine %s\n' "$name" "$w" "$n" "$v"
}

q() { printf "'%s'" "$1"; }   # single-quotes a path for sh -c
W="$(q "$wlx") $(q "$sevenza")"; N=$(q "$sevenzz"); V="$(q "$wine") $(q "$sevenza")"
echo "running (each job warm, $runs runs$( [ $have_hyperfine = 1 ] && echo ', hyperfine'))"
: > "$results"
row "7za a" "rm -f 7z/a.7z" "cd 7z && $W a -bd a.7z data" \
            "rm -f 7z/n.7z" "${sevenzz:+cd 7z && $N a -bd n.7z data}" \
            "rm -f 7z/v.7z" "cd 7z && $V a -bd v.7z data"
[ -f "$work/7z/a.7z" ] || "$sevenzz" a -bd "$work/7z/a.7z" "$work/7z/data" >/dev/null 2>&1
row "7za t" "true" "cd 7z && $W t a.7z" "true" "${sevenzz:+cd 7z && $N t a.7z}" "true" "cd 7z && $V t a.7z"
row "7za x" "rm -rf 7z/xw" "cd 7z && $W x -bd -oxw a.7z" "rm -rf 7z/xn" "${sevenzz:+cd 7z && $N x -bd -oxn a.7z}" \
            "rm -rf 7z/xv" "cd 7z && $V x -bd -oxv a.7z"
row "esbuild --version" "true" "$(q "$wlx") $(q "$esbuild_win") --version" "true" "$(q "$esbuild_native") --version" \
            "true" "$(q "$wine") $(q "$esbuild_win") --version"
B="js/src/main.js --bundle --minify"
row "esbuild bundle" "rm -f js/w.js" "$(q "$wlx") $(q "$esbuild_win") $B --outfile=js/w.js" \
            "rm -f js/n.js" "$(q "$esbuild_native") $B --outfile=js/n.js" \
            "rm -f js/v.js" "$(q "$wine") $(q "$esbuild_win") $B --outfile=js/v.js"

# ---- the table ----
echo
printf '%-18s %10s %10s %10s %11s %11s\n' job wlx native wine wlx/native wine/native
awk -F'|' '
function cell(x) { return x ~ /^[0-9.]+(e[-+]?[0-9]+)?$/ ? sprintf("%9.3fs", x) : x }
function ratio(a, b) { return (a ~ /^[0-9.]/ && b ~ /^[0-9.]/ && b > 0) ? sprintf("%10.2fx", a / b) : "-" }
{ printf "%-18s %10s %10s %10s %11s %11s\n", $1, cell($2), cell($3), cell($4), ratio($2, $3), ratio($4, $3) }' "$results"

# the bundle made under wlx must equal the native one
cd "$work"
if [ -f js/w.js ] && [ -f js/n.js ]; then
    if cmp -s js/w.js js/n.js; then echo "esbuild bundle: wlx output identical to native"
    else echo "esbuild bundle: wlx output DIFFERS from native"; fi
fi
exit 0
