#!/bin/sh
# tests/apps/pagefind.sh BUILDDIR — Pagefind 1.6.0, a static-site search
# indexer (Rust, multi-threaded: npm's @pagefind/windows-x64, its
# pagefind_extended.exe) under wlx against its Linux build
# (@pagefind/linux-x64) on a generated site of 61 HTML pages in two
# languages: the summary it prints, and the index it writes (entry,
# fragments, index chunks, filters: the same bytes), with filters and
# sort keys from data-pagefind-* attributes, a pagefind.yml, --glob,
# --exclude-selectors and --output-subdir. The embedded UI assets and the
# WebAssembly are built per platform (CRLF in the Windows ones) and are
# not compared; the run's time is left out.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @pagefind/windows-x64@1.6.0 pagefind-windows-x64-1.6.0
fetch @pagefind/linux-x64@1.6.0 pagefind-linux-x64-1.6.0
win=$cache/pagefind-windows-x64-1.6.0/package/bin/pagefind_extended.exe
native=$cache/pagefind-linux-x64-1.6.0/package/bin/pagefind_extended
chmod +x "$native"

wpf() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@"; }
npf() { timeout -k 5 60 "$native" "$@"; }

mksite() {
    mkdir -p "$1/blog" "$1/fr" "$1/drafts"
    i=1
    while [ $i -le 40 ]; do
        [ $((i % 2)) = 0 ] && fruit=apples || fruit=oranges
        printf '<!doctype html><html lang="en"><head><title>Post %s</title></head><body><nav>menu menu menu</nav><main data-pagefind-body><h1>Post number %s</h1><p data-pagefind-filter="fruit">%s</p><span data-pagefind-sort="rank">%s</span><p>The quick brown fox jumps over the lazy dog %s times; word%s, searchable and indexable content about %s.</p><aside class="ad">buy now</aside></main></body></html>\n' \
            $i $i $fruit $((i * 7 % 41)) $i $i $fruit >"$1/blog/post$i.html"
        i=$((i + 1))
    done
    i=1
    while [ $i -le 20 ]; do
        printf '<!doctype html><html lang="fr"><head><title>Article %s</title></head><body><main data-pagefind-body><h1>Article %s</h1><p>Le renard brun rapide saute par-dessus le chien paresseux, %s fois. Pommes et oranges.</p></main></body></html>\n' \
            $i $i $i >"$1/fr/article$i.html"
        i=$((i + 1))
    done
    printf '<html lang="en"><body><main data-pagefind-body><h1>Home</h1><p>Welcome to the fox site</p></main></body></html>\n' >"$1/index.html"
    printf '<html lang="en"><body><main data-pagefind-body><h1>Draft</h1><p>secret unfinished words</p></main></body></html>\n' >"$1/drafts/d.html"
}
mksite "$tmp/w"; mksite "$tmp/n"

# same NAME OUT ARGS: in the two sites, the same summary (CRLF as LF; the
# time and the folder left out; the languages and the lines sorted: they
# come in a hash map's order, which changes from run to run in either
# build), exit 0,
# and the same index files under OUT
same() {
    name=$1 out=$2; shift 2
    (cd "$tmp/w" && wpf "$@" </dev/null >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && npf "$@" </dev/null >"$tmp/n.raw" 2>&1); nrc=$?
    tr -d '\r' <"$tmp/w.raw" | grep -v -e '^Finished in ' -e '^Running from: ' | sed 's/languages: fr, en$/languages: en, fr/' | sort >"$tmp/w.out"
    grep -v -e '^Finished in ' -e '^Running from: ' "$tmp/n.raw" | sed 's/languages: fr, en$/languages: en, fr/' | sort >"$tmp/n.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq 0 ] && [ $nrc -eq 0 ] && grep -q 'Indexed' "$tmp/w.out"
    check "$name: the summary" $? "exit $wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
    r=0
    (cd "$tmp/n/$out" && find . -type f | grep -E '^\./(pagefind-entry\.json|fragment/|index/|filter/)' | sort) >"$tmp/files"
    [ -s "$tmp/files" ] || r=1
    while read -r f; do cmp -s "$tmp/w/$out/$f" "$tmp/n/$out/$f" || { r=1; break; }; done <"$tmp/files"
    check "$name: the same $(wc -l <"$tmp/files") index files" $r "$f differs"
}

v=$(wpf --version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(npf --version)" ]; check "--version: $v" $? "exit $rc"
same '--site .' pagefind --site .
same '--glob and --exclude-selectors' out2 --site . --glob 'blog/**/*.html' --exclude-selectors .ad --output-subdir out2
for s in w n; do printf 'site: .\noutput_subdir: out3\nexclude_selectors:\n  - nav\n  - "#nothing"\nglob: "{blog,fr}/**/*.html"\nforce_language: en\n' >"$tmp/$s/pagefind.yml"; done
same 'pagefind.yml' out3

echo "pagefind: $pass passed, $fail failed"
[ $fail -eq 0 ]
