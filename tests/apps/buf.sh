#!/bin/sh
# tests/apps/buf.sh BUILDDIR — buf 1.75.0, the Protocol Buffers tool (Go:
# npm's @bufbuild/buf-win32-x64) under wlx against its Linux build
# (@bufbuild/buf-linux-x64) on a generated module of 30 .proto files
# importing each other and Google's well-known types: --version,
# `build` (the same binary and JSON images, byte for byte), `lint` and
# `breaking` against an older copy of the module (the same findings,
# "proto\a.proto" printed as the Linux build's "proto/a.proto", exit 100),
# `ls-files`, `convert` of a message from JSON to binary and back through
# pipes, `export`, `config init` and `config ls-lint-rules`.
# Not `format`: on Windows it runs a diff.exe found on PATH, as on
# Windows without one it fails.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @bufbuild/buf-win32-x64@1.75.0 buf-win32-x64-1.75.0
fetch @bufbuild/buf-linux-x64@1.75.0 buf-linux-x64-1.75.0
win=$cache/buf-win32-x64-1.75.0/package/bin/buf.exe
native=$cache/buf-linux-x64-1.75.0/package/bin/buf
chmod +x "$native"

wbuf() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
nbuf() { timeout -k 5 120 "$native" "$@"; }

# mkmod DIR: the module (buf.yaml and proto/acme/v1/*.proto); file 7 has
# names lint finds wrong
mkmod() {
    mkdir -p "$1/proto/acme/v1"
    printf 'version: v2\nmodules:\n  - path: proto\nlint:\n  use:\n    - STANDARD\nbreaking:\n  use:\n    - FILE\n' >"$1/buf.yaml"
    i=0
    while [ $i -lt 30 ]; do
        {
            echo 'syntax = "proto3";'
            echo 'package acme.v1;'
            echo 'import "google/protobuf/timestamp.proto";'
            echo 'import "google/protobuf/struct.proto";'
            [ $i -gt 0 ] && echo "import \"acme/v1/thing$((i - 1)).proto\";"
            echo "message Thing$i {"
            echo "  string id = 1;"
            echo "  string name = 2;"
            echo "  google.protobuf.Timestamp created = 3;"
            echo "  repeated string tags = 4;"
            echo "  map<string, int64> counts = 5;"
            echo "  google.protobuf.Struct extra = 6;"
            [ $i -gt 0 ] && echo "  Thing$((i - 1)) parent = 7;"
            echo "  enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; KIND_B = 2; }"
            echo "  Kind kind = 8;"
            echo "  oneof choice { int32 number = 9; string text = 10; }"
            echo "}"
            echo "message GetThing${i}Request { string id = 1; }"
            echo "message GetThing${i}Response { Thing$i thing = 1; }"
            echo "service Thing${i}Service { rpc GetThing$i(GetThing${i}Request) returns (GetThing${i}Response); }"
            [ $i -eq 7 ] && echo "message bad_name { int32 X = 1; }"
        } >"$1/proto/acme/v1/thing$i.proto"
        i=$((i + 1))
    done
}
mkmod "$tmp/w"; mkmod "$tmp/n"

# same NAME CODE ARGS: in the two modules, the same output (paths with
# slashes) and exit code, which is CODE
same() {
    name=$1 code=$2; shift 2
    (cd "$tmp/w" && wbuf "$@" </dev/null >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && nbuf "$@" </dev/null >"$tmp/n.out" 2>&1); nrc=$?
    sed -e '/^\(proto\|old\|exp\)\\/ s#\\#/#g' "$tmp/w.raw" >"$tmp/w.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

v=$(wbuf --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(nbuf --version 2>&1)" ]; check "--version: $v" $? "exit $rc"
same 'build -o image.binpb' 0 build -o image.binpb
[ -s "$tmp/w/image.binpb" ] && cmp -s "$tmp/w/image.binpb" "$tmp/n/image.binpb"
check 'build: the same binary image' $? "$(ls -l "$tmp/w/image.binpb" "$tmp/n/image.binpb" 2>&1 | tr '\n' ' ')"
same 'build --exclude-source-info -o image.json' 0 build --exclude-source-info -o image.json
[ -s "$tmp/w/image.json" ] && cmp -s "$tmp/w/image.json" "$tmp/n/image.json"; check 'build: the same JSON image' $?
same 'lint: 2 findings, exit 100' 100 lint
same 'ls-files' 0 ls-files
same 'config ls-lint-rules' 0 config ls-lint-rules
same 'export -o exp' 0 export -o exp
diff -r "$tmp/w/exp" "$tmp/n/exp" >/dev/null && [ "$(find "$tmp/w/exp" -name '*.proto' | wc -l)" = 30 ]
check 'export: the same 30 files' $?

echo '{"id":"t1","name":"first","tags":["a","b"],"counts":{"x":"5"},"kind":"KIND_B","text":"hi"}' >"$tmp/msg.json"
for s in w n; do cp "$tmp/msg.json" "$tmp/$s/"; done
(cd "$tmp/w" && wbuf convert --type acme.v1.Thing3 --from msg.json --to -#format=binpb <"$tmp/msg.json" | wbuf convert --type acme.v1.Thing3 --from -#format=binpb --to -#format=json) >"$tmp/w.out" 2>&1; rc=$?
(cd "$tmp/n" && nbuf convert --type acme.v1.Thing3 --from msg.json --to -#format=binpb | nbuf convert --type acme.v1.Thing3 --from -#format=binpb --to -#format=json) >"$tmp/n.out" 2>&1
[ $rc -eq 0 ] && grep -q '"counts"' "$tmp/w.out" && cmp -s "$tmp/w.out" "$tmp/n.out"
check 'convert JSON to binary and back through a pipe' $? "exit $rc: $(head -c 200 "$tmp/w.out")"

# breaking: an older copy of the module against the edited one
for s in w n; do
    mkdir "$tmp/$s/old" && cp -r "$tmp/$s/proto" "$tmp/$s/buf.yaml" "$tmp/$s/old/"
    sed -i 's/  string name = 2;/  int64 name = 2;/; s/  repeated string tags = 4;//' "$tmp/$s/proto/acme/v1/thing12.proto"
    rm "$tmp/$s/proto/acme/v1/thing29.proto"
done
same 'breaking --against old: exit 100' 100 breaking --against old
for s in w n; do rm -rf "$tmp/$s/old" "$tmp/$s/exp" "$tmp/$s/buf.yaml"; done
same 'config init' 0 config init
cmp -s "$tmp/w/buf.yaml" "$tmp/n/buf.yaml"; check 'config init writes the same buf.yaml' $?

echo "buf: $pass passed, $fail failed"
[ $fail -eq 0 ]
