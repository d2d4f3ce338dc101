#!/bin/sh
# tools/ucrt-specs.sh — write a gcc specs file that makes mingw-w64 link
# against the Universal CRT (ucrtbase.dll through the api-ms-win-crt-* API
# sets) instead of msvcrt.dll.
#
# Debian's mingw-w64 gcc 12 is built for msvcrt and has no -mcrtdll, but its
# lib folder ships libucrt.a (the api-ms-win-crt-* import libraries plus
# mingw's UCRT glue) and the start-up objects (crt2.o…) serve both CRTs.  So
# the default specs only need -lmsvcrt replaced by -lucrt, and _UCRT defined
# so the headers declare the UCRT forms (printf over __stdio_common_vfprintf,
# __MSVCRT_VERSION__ 0xE00).
#
# usage: tools/ucrt-specs.sh [OUTPUT] [CC]
#        OUTPUT defaults to ucrt.specs, CC to x86_64-w64-mingw32-gcc.
# then:  $CC -specs=OUTPUT -D_UCRT -o prog.exe prog.c
set -e

out=${1:-ucrt.specs}
cc=${2:-x86_64-w64-mingw32-gcc}

# the CRT import library must be there, or every link would fail later
libucrt=$("$cc" -print-file-name=libucrt.a)
case $libucrt in
    /*) ;;
    *) echo "ucrt-specs.sh: $cc has no libucrt.a" >&2; exit 1 ;;
esac

specs=$("$cc" -dumpspecs)
case $specs in
    *-lmsvcrt*) ;;
    *) echo "ucrt-specs.sh: no -lmsvcrt in $cc's specs; nothing to replace" >&2; exit 1 ;;
esac

tmp=$out.tmp.$$
# -lmsvcrt appears in *libgcc (and nowhere else in Debian's specs); -D_UCRT
# goes first on the *cpp line, where the preprocessor's options are.
printf '%s\n' "$specs" | sed \
    -e 's/-lmsvcrt\b/-lucrt/g' \
    -e '/^\*cpp:$/{n;s/^/-D_UCRT /;}' >"$tmp"
if grep -q -- '-lmsvcrt' "$tmp"; then
    rm -f "$tmp"
    echo "ucrt-specs.sh: -lmsvcrt still present" >&2
    exit 1
fi
mv "$tmp" "$out"
