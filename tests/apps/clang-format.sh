#!/bin/sh
# tests/apps/clang-format.sh BUILDDIR — clang-format 22.1.8 (npm's
# clang-format-node 3.0.7 ships LLVM's Windows and Linux builds side by
# side: C++ against the UCRT, LLVM's support library over the Windows
# API) under wlx against the Linux build: --version, the same source
# formatted in four styles, --dump-config, a .clang-format found by
# searching up from the file's folder, -i rewriting files in place, stdin
# with --assume-filename, --dry-run -Werror's diagnostics and exit code,
# a style that does not parse. Skips (exit 0, "skipped: ...") without
# npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch clang-format-node@3.0.7 clang-format-node-3.0.7
bin=$cache/clang-format-node-3.0.7/package/bin
win=$bin/cfn-win32-x64/clang-format.exe
nat=$bin/cfn-linux-x64/clang-format
chmod +x "$nat"
wcf() { timeout 60 "$b/bin/wlx" "$win" "$@"; }
ncf() { timeout 60 "$nat" "$@"; }

out=$(wcf --version | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$out" = "$(ncf --version)" ]; check "--version: $out" $? "exit $rc"

cd "$tmp" || exit 1
# C and C++ the styles disagree about, and one the parser must struggle with
cp "$src/../../dlls/msvcp140/ostream.c" input.c
cat >input.cpp <<'EOF'
#include <vector>
namespace   demo{template<typename T> class Box{ public: explicit Box(T v):value(v){} T get() const {return value;}
private: T value; };
auto lambda=[](int a,int b)->int{ if(a>b){return a-b;}else{return b-a;} };
int main(){std::vector<Box<int>> boxes{Box<int>(1),Box<int>(2)}; for(auto&b:boxes){ switch(b.get()){case 1:break;default:return 1;} }
return lambda( 3 ,4 );}
}
EOF
printf 'int broken( {\n  if (x\n' >broken.c
for style in Google LLVM Mozilla WebKit; do
    wcf --style=$style input.c input.cpp >w.out 2>&1; rc=$?
    ncf --style=$style input.c input.cpp >n.out 2>&1
    [ $rc -eq 0 ] && [ -s w.out ] && cmp -s w.out n.out
    check "--style=$style: the same formatting of $(wc -l <input.c) + 7 lines" $? "exit $rc: $(diff w.out n.out | head -n 4 | tr '\n' ' ')"
done

wcf --style=Chromium --dump-config >w.out 2>&1; rc=$?
ncf --style=Chromium --dump-config >n.out 2>&1
[ $rc -eq 0 ] && cmp -s w.out n.out; check "--dump-config: the same $(wc -l <n.out) lines" $? "exit $rc"

# a .clang-format two folders up, found from the file's own folder
mkdir -p proj/src/deep
printf 'BasedOnStyle: LLVM\nIndentWidth: 8\nColumnLimit: 60\nBreakBeforeBraces: Allman\n' >proj/.clang-format
cp input.cpp proj/src/deep/a.cpp
(cd proj/src/deep && wcf a.cpp) >w.out 2>&1; rc=$?
(cd proj/src/deep && ncf a.cpp) >n.out 2>&1
[ $rc -eq 0 ] && cmp -s w.out n.out && grep -q '^        ' w.out
check ".clang-format found two folders up (IndentWidth 8, Allman)" $? "exit $rc: $(head -n 2 w.out)"

# -i: files rewritten in place, as the Linux build rewrites its copies
mkdir -p wi ni
cp input.c input.cpp wi/; cp input.c input.cpp ni/
wcf -i --style=Mozilla wi/input.c wi/input.cpp; rc=$?
ncf -i --style=Mozilla ni/input.c ni/input.cpp
[ $rc -eq 0 ] && cmp -s wi/input.c ni/input.c && cmp -s wi/input.cpp ni/input.cpp && ! cmp -s wi/input.cpp input.cpp
check "-i rewrites the files in place" $? "exit $rc"

wcf --style=GNU --assume-filename=x.cpp <input.cpp >w.out 2>&1; rc=$?
ncf --style=GNU --assume-filename=x.cpp <input.cpp >n.out 2>&1
[ $rc -eq 0 ] && cmp -s w.out n.out; check "stdin with --assume-filename" $? "exit $rc"

# --dry-run -Werror: a diagnostic per change, exit 1 (file names differ: Z:\ on Windows)
wcf --style=LLVM --dry-run -Werror input.cpp >w.out 2>&1; rc=$?
ncf --style=LLVM --dry-run -Werror input.cpp >n.out 2>&1; nrc=$?
tr -d '\r' <w.out | grep -c 'error: code should be clang-formatted' >w.cnt
grep -c 'error: code should be clang-formatted' n.out >n.cnt
[ $rc -eq $nrc ] && [ $rc -ne 0 ] && cmp -s w.cnt n.cnt
check "--dry-run -Werror: $(cat n.cnt) diagnostics, exit $nrc" $? "exit $rc, $(cat w.cnt) diagnostics"

wcf --style=LLVM broken.c >w.out 2>&1; rc=$?
ncf --style=LLVM broken.c >n.out 2>&1; nrc=$?
[ $rc -eq $nrc ] && cmp -s w.out n.out; check "a file that does not parse: formatted as on Linux, exit $nrc" $? "exit $rc"

wcf --style='{BasedOnStyle: LLVM, NoSuchOption: 3}' input.c >w.out 2>&1; rc=$?
ncf --style='{BasedOnStyle: LLVM, NoSuchOption: 3}' input.c >n.out 2>&1; nrc=$?
[ $rc -eq $nrc ] && [ $rc -ne 0 ] && grep -q 'NoSuchOption' w.out && ! grep -q '^wlx: ' w.out
check "a style that does not parse: its error, exit $nrc" $? "exit $rc: $(head -n 2 w.out)"

echo "clang-format: $pass passed, $fail failed"
[ $fail -eq 0 ]
