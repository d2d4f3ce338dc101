#!/bin/sh
# tests/apps/elm-format.sh BUILDDIR — elm-format 0.8.8 (Haskell, GHC's
# runtime: npm's @avh4/elm-format-win32-x64) under wlx against its Linux
# build (@avh4/elm-format-linux-x64) on a folder of Elm modules: --help,
# --validate of a folder (the same JSON, exit 1) and of a formatted file
# (exit 0), formatting stdin, --yes rewriting a folder the same, an
# --output file, and a syntax error (exit 1). GHC's runtime reserves a
# 1 TiB heap top-down at start (it hung in wlx's address-space search).
# Paths printed with backslashes are compared with slashes, CRLF as LF, and the lines
# of a folder's run sorted (the Windows build lists it in another order).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @avh4/elm-format-win32-x64@0.8.8-1 elm-format-win32-x64-0.8.8-1
fetch @avh4/elm-format-linux-x64@0.8.8-1 elm-format-linux-x64-0.8.8-1
win=$cache/elm-format-win32-x64-0.8.8-1/package/elm-format.exe
native=$cache/elm-format-linux-x64-0.8.8-1/package/elm-format
chmod +x "$native"

wef() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@"; }
nef() { timeout -k 5 60 "$native" "$@"; }

mkproj() {
    mkdir -p "$1/src/Page"
    cat >"$1/src/Main.elm" <<'ELM'
module Main exposing (main)
import Html exposing (text,div)
import List
type Msg = Inc | Dec
type alias Model = { count : Int, name: String }
update msg model = case msg of
    Inc -> { model | count = model.count+1 }
    Dec -> { model | count = model.count-1 }
main = div [] [text (String.fromInt (List.sum [1,2,3]))]
ELM
    cat >"$1/src/Page/Home.elm" <<'ELM'
module Page.Home exposing (view, Model, init)
import Html exposing (..)
import Html.Attributes exposing (class)
type alias Model = { title : String, items : List String }
init : Model
init = { title = "home", items = [ "a","b" ] }
view : Model -> Html msg
view model =
  div [class "home"] [ h1 [] [text model.title], ul [] (List.map (\i -> li [] [text i]) model.items) ]
ELM
    printf 'module Ok exposing (x)\n\n\nx : Int\nx =\n    1\n' >"$1/src/Ok.elm"
    printf 'module Bad exposing (x)\nx = (1 +\n' >"$1/Bad.elm"
}
mkproj "$tmp/w"; mkproj "$tmp/n"

# same NAME CODE SORT ARGS: the same output (backslashes made slashes;
# sorted when SORT is 1) and exit code, which is CODE
same() {
    name=$1 code=$2 sorted=$3; shift 3
    (cd "$tmp/w" && wef "$@" <"$tmp/w/src/Main.elm" >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && nef "$@" <"$tmp/n/src/Main.elm" >"$tmp/n.out" 2>&1); nrc=$?
    tr -d '\r' <"$tmp/w.raw" | sed -e '/^Processing file /s|\\|/|g' -e '/"path":/s|\\\\|/|g' >"$tmp/w.out"
    # sorted, a JSON list's items without the "[" or "," before them
    [ "$sorted" = 1 ] && for s in w n; do sed 's/^[[,]//' "$tmp/$s.out" | sort -o "$tmp/$s.out"; done
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ] && [ -s "$tmp/n.out" ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

# --help names the program as started: elm-format.exe on Windows
wef --help >"$tmp/w.out" 2>&1; rc=$?
nef --help | sed 's/^Usage: elm-format /Usage: elm-format.exe /; s/^                  \[/                      [/' >"$tmp/n.out"
[ $rc -eq 0 ] && tr -d '\r' <"$tmp/w.out" | cmp -s - "$tmp/n.out"; check '--help' $? "exit $rc: $(tr -d '\r' <"$tmp/w.out" | diff - "$tmp/n.out" | head -n 4)"
same '--validate src: 2 files to format, exit 1' 1 1 --validate src
same '--validate src/Ok.elm: exit 0' 0 0 --validate src/Ok.elm
same 'formatting stdin' 0 0 --stdin
same 'a syntax error: exit 1' 1 0 Bad.elm --output out.elm
same '--output' 0 0 src/Main.elm --output out.elm
cmp -s "$tmp/w/out.elm" "$tmp/n/out.elm" && [ -s "$tmp/w/out.elm" ]; check '--output: the same file' $?
same '--yes src' 0 1 --elm-version=0.19 --yes src
diff -r "$tmp/w/src" "$tmp/n/src" >"$tmp/d.out" && grep -q '^import Html exposing (div, text)$' "$tmp/w/src/Main.elm"
check '--yes: the same files' $? "$(head -n 4 "$tmp/d.out")"
same '--validate src after: exit 0' 0 0 --validate src

echo "elm-format: $pass passed, $fail failed"
[ $fail -eq 0 ]
