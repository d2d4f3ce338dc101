#!/bin/sh
# tests/apps/gen-tree.sh DIR [BIGMB] — writes the 7-Zip input tree into DIR
# (which must not exist): ~300 files in nested folders, names with spaces
# and non-ASCII characters, empty files, and one BIGMB MB file (default 50)
# made of repeated pseudo-random blocks (compressible, like real data).
# The contents are the same on every run (fixed seed).
set -e
dir=$1
big=${2:-50}
[ -n "$dir" ] && [ ! -e "$dir" ] || { echo "gen-tree.sh: give a new folder" >&2; exit 2; }
mkdir -p "$dir"
cd "$dir"
# a deterministic byte stream: openssl/urandom would change between runs
stream() { # SEED BYTES
    awk -v seed="$1" -v n="$2" 'BEGIN { srand(seed); s = "";
        while (length(s) < n) s = s sprintf("%08x %s\n", int(rand() * 4294967295), substr("lorem ipsum dolor sit amet consectetur", 1 + int(rand() * 20)));
        printf "%s", substr(s, 1, n) }'
}
i=0
for top in "src" "docs and notes" "données" "日本語"; do
    for sub in a b "c d" "é"; do
        mkdir -p "$top/$sub/deeper"
        for f in 1 2 3 4 5 6 7 8; do
            i=$((i + 1))
            stream $i $((i * 97 % 5000 + 1)) > "$top/$sub/file $f.txt"
            stream $((i + 1000)) $((i * 31 % 700)) > "$top/$sub/deeper/n°$f.dat"
            : > "$top/$sub/deeper/empty$f"
        done
    done
done
mkdir -p "empty folder/inside"
stream 7 1048576 > block.bin
: > big.bin
n=0
while [ $n -lt "$big" ]; do
    cat block.bin >> big.bin
    printf 'marker %d\n' $n >> big.bin   # the copies differ a little
    n=$((n + 1))
done
rm block.bin
