#!/bin/sh
# tests/apps/7zip.sh BUILDDIR — 7-Zip's Windows console program (7za.exe from
# npm's 7zip-bin 5.2.0) under wlx against Debian's native 7zz: add, test,
# list and extract .7z and .zip archives of a generated tree (nested folders,
# spaces, non-ASCII names, empty files, a 50 MB file); archives cross between
# the two; Unix paths on the command line; output through a pipe; exit codes.
# Skips (exit 0, "skipped: ...") without npm, the registry or 7zz.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

command -v 7zz >/dev/null 2>&1 || skip "7zz is not installed (Debian package 7zip)"
sevenza=$cache/7zip-bin-5.2.0/package/win/x64/7za.exe
fetch 7zip-bin@5.2.0 7zip-bin-5.2.0

w7z() { "$b/bin/wlx" "$sevenza" "$@"; }
# the list of entries of `7z l` output, separators and line ends as on Linux
entries() { sed -n '/^-----/,$p' | tr '\\' / | tr -d '\r'; }
# names, sizes and times of a tree
tree() { (cd "$1" && find . -mindepth 1 ! -type d -printf '%P %s %T@\n' | sort; find . -mindepth 1 -type d -printf '%P/\n' | sort); }

sh "$src/gen-tree.sh" "$tmp/in/data" 50 || { echo "FAIL cannot generate the input"; exit 1; }
cd "$tmp/in"

for fmt in 7z zip; do
    w7z a -bd "$tmp/w.$fmt" data >"$tmp/a.log" 2>&1; rc=$?
    [ $rc -eq 0 ] && grep -q "Everything is Ok" "$tmp/a.log"; check "$fmt: 7za a (Unix paths) exits 0" $? "exit $rc: $(tail -n 3 "$tmp/a.log")"
    7zz a -bd "$tmp/n.$fmt" data >/dev/null 2>&1 || { echo "FAIL 7zz a failed"; exit 1; }

    w7z t "$tmp/w.$fmt" >"$tmp/t.log" 2>&1; rc=$?
    [ $rc -eq 0 ] && grep -q "Everything is Ok" "$tmp/t.log"; check "$fmt: 7za t" $? "exit $rc"

    # the listing through a pipe, UTF-8 on the console (-scc), equals 7zz's
    w7z l -sccUTF-8 "$tmp/w.$fmt" | entries >"$tmp/l.wlx"
    7zz l "$tmp/w.$fmt" | entries >"$tmp/l.native"
    cmp -s "$tmp/l.wlx" "$tmp/l.native"; check "$fmt: 7za l through a pipe equals 7zz l" $? "$(diff "$tmp/l.wlx" "$tmp/l.native" | head -n 4)"

    w7z x -bd -o"$tmp/x.wlx.$fmt" "$tmp/w.$fmt" >"$tmp/x.log" 2>&1; rc=$?
    [ $rc -eq 0 ]; check "$fmt: 7za x exits 0" $? "exit $rc: $(tail -n 3 "$tmp/x.log")"
    diff -r data "$tmp/x.wlx.$fmt/data" >/dev/null; check "$fmt: 7za x gives the tree back byte for byte" $?

    # crossing: wlx's archive with 7zz, 7zz's archive with wlx
    7zz x -bd -o"$tmp/x.cross1.$fmt" "$tmp/w.$fmt" >/dev/null 2>&1 && diff -r data "$tmp/x.cross1.$fmt/data" >/dev/null
    check "$fmt: the archive made under wlx extracts with 7zz" $?
    # names, sizes and times as 7zz restores them from the same archive
    tree "$tmp/x.cross1.$fmt/data" >"$tmp/tree.native"; tree "$tmp/x.wlx.$fmt/data" >"$tmp/tree.wlx"
    cmp -s "$tmp/tree.native" "$tmp/tree.wlx"; check "$fmt: names, sizes and times as 7zz restores them" $? "$(diff "$tmp/tree.native" "$tmp/tree.wlx" | head -n 4)"
    w7z x -bd -o"$tmp/x.cross2.$fmt" "$tmp/n.$fmt" >/dev/null 2>&1 && diff -r data "$tmp/x.cross2.$fmt/data" >/dev/null
    check "$fmt: 7zz's archive extracts under wlx" $?
done

# a damaged archive: 7-Zip's exit code 2 (fatal error) comes through
cp "$tmp/w.7z" "$tmp/bad.7z"
printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$tmp/bad.7z" bs=1 seek=1000 conv=notrunc 2>/dev/null
w7z t "$tmp/bad.7z" >/dev/null 2>&1; rc=$?
7zz t "$tmp/bad.7z" >/dev/null 2>&1; nrc=$?
[ $rc -eq 2 ] && [ $rc -eq $nrc ]; check "7za t of a corrupt archive exits 2 like 7zz" $? "wlx $rc, 7zz $nrc"
w7z x -o"$tmp/none" "$tmp/does-not-exist.7z" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ]; check "a missing archive exits 2" $? "exit $rc"
w7z badcommand >/dev/null 2>&1; rc=$?
[ $rc -eq 7 ]; check "a bad command line exits 7" $? "exit $rc"

echo "7zip: $pass passed, $fail failed"
[ $fail -eq 0 ]
