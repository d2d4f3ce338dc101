#!/bin/sh
# build.sh — the one command of the README: installs what a Debian 12 machine
# lacks (apt-get; as root, or through sudo), configures and builds wlx, then
#   ./build.sh          runs the bundled sample program under wlx
#   ./build.sh check    runs the whole test suite (ends "N passed, N failed")
set -e
cd "$(dirname "$0")"
packages="gcc make pkg-config gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nettle-dev ca-certificates"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "build.sh: installing:$missing"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
# configured already unless configure or Makefile.in changed since (a fresh
# clone configured in the same second is not older: no second full build)
[ -f Makefile ] && [ -f config.mk ] && ! [ configure -nt config.mk ] && ! [ Makefile.in -nt Makefile ] || ./configure
make -j2
case "${1:-sample}" in
sample)
    echo "build.sh: running build/bin/wlx build/samples/hello.exe"
    build/bin/wlx build/samples/hello.exe from wlx
    ;;
check)
    make check
    ;;
*)
    echo "usage: ./build.sh [sample|check]" >&2; exit 2 ;;
esac
