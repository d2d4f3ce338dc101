#!/bin/sh
# tests/apps/zeromq.sh BUILDDIR — zeromq.js 6.8.0 (libzmq 4.3.5 in a C++ Node
# addon) loaded by the Windows node.exe under wlx, against the Linux node
# with the Linux build (tests/apps/zmq-work.js, identical stdout):
# request/reply over TCP, a 1 MiB message, push/pull and publish/subscribe
# over inproc, an option and an error. libzmq's Windows build polls with
# wepoll (\Device\Afd, a keyed event) and wakes its I/O thread over
# AF_UNIX socket pairs, which Node's libuv polls.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

node_addons_setup
add "w n" zeromq@6.8.0 zeromq-6.8.0
add "w n" cmake-ts@1.0.2 cmake-ts-1.0.2
add "w n" node-addon-api@8.9.2 node-addon-api-8.9.2
cp "$src/zmq-work.js" "$tmp/w/" && cp "$src/zmq-work.js" "$tmp/n/"

same_js zmq-work.js messages "libzmq: request/reply, push/pull, publish/subscribe: the same messages"

echo "zeromq: $pass passed, $fail failed"
[ $fail -eq 0 ]
