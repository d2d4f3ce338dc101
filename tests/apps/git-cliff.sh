#!/bin/sh
# tests/apps/git-cliff.sh BUILDDIR — git-cliff 2.13.1, a changelog generator
# (Rust with libgit2, which reads the repository itself: npm's
# git-cliff-windows-x64) under wlx against its Linux build
# (git-cliff-linux-x64) in one generated repository (git makes it: 12
# conventional commits, two tags, a packed and a loose part): the
# changelog on stdout and in a file (-o), --latest, --unreleased with a
# new --tag, --bumped-version, --include-path, --context's JSON (its
# repository path, Z:/... on Windows, made the Linux one), and --init's
# cliff.toml (CRLF in the Windows build: its embedded copy has them).
# libgit2 wraps CreateFileW handles with _open_osfhandle(h, 0) and reads
# objects through it: binary, as Windows' CRT gives it.
# Skips (exit 0, "skipped: ...") without npm, the registry or git.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup
command -v git >/dev/null 2>&1 || skip "git is not installed"

fetch git-cliff-windows-x64@2.13.1 git-cliff-windows-x64-2.13.1
fetch git-cliff-linux-x64@2.13.1 git-cliff-linux-x64-2.13.1
win=$cache/git-cliff-windows-x64-2.13.1/package/bin/git-cliff.exe
native=$cache/git-cliff-linux-x64-2.13.1/package/bin/git-cliff
chmod +x "$native"

wgc() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@"; }
ngc() { timeout -k 5 60 "$native" "$@"; }

r=$tmp/repo
mkdir -p "$r" && cd "$r" || exit 1
export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.com
commit() { GIT_AUTHOR_DATE="2024-01-0$1T12:00:00Z" GIT_COMMITTER_DATE="2024-01-0$1T12:00:00Z" git commit -q --allow-empty -m "$2"; }
git init -q . && git config core.autocrlf false || skip "git init failed"
i=1
for m in "feat: add the parser" "feat(cli): a --json flag" "fix: an off-by-one in ranges" "docs: the README"; do
    echo "$m" >"f$i.txt"; git add .; commit 1 "$m"; i=$((i + 1))
done
git tag v0.1.0
git gc -q   # the first commits packed
for m in "feat!: a new config format" "perf: cache the lookups" "refactor: split the lexer" "fix(cli): quoting of paths"; do
    echo "$m" >"g$i.txt"; git add .; commit 2 "$m"; i=$((i + 1))
done
git tag v1.0.0
for m in "feat: colours" "chore: bump deps" "fix: a crash on empty input" "test: more cases"; do
    mkdir -p sub; echo "$m" >"sub/h$i.txt"; git add .; commit 3 "$m"; i=$((i + 1))
done

# same NAME CODE ARGS: the same output (CRLF as LF, the repository's path
# made the Linux one) and exit code, which is CODE
same() {
    name=$1 code=$2; shift 2
    wgc "$@" </dev/null >"$tmp/w.raw" 2>&1; wrc=$?
    ngc "$@" </dev/null >"$tmp/n.out" 2>&1; nrc=$?
    tr -d '\r' <"$tmp/w.raw" | sed "s|\"repository\":\"Z:$r\"|\"repository\":\"$r\"|g" >"$tmp/w.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ] && [ $wrc -eq $code ] && [ -s "$tmp/n.out" ]
    check "$name" $? "exit $wrc (native $nrc, expected $code): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

v=$(wgc --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$(ngc --version)" ]; check "--version: $v" $? "exit $rc"
same 'the changelog' 0
same '--latest' 0 --latest
same '--unreleased --tag v1.1.0' 0 --unreleased --tag v1.1.0
same '--bumped-version' 0 --bumped-version
same '--include-path sub/**' 0 --include-path 'sub/**'
same '--context' 0 --context
wgc -o "$tmp/w.md" </dev/null >/dev/null 2>&1; rc=$?
ngc -o "$tmp/n.md" </dev/null >/dev/null 2>&1
[ $rc -eq 0 ] && [ -s "$tmp/n.md" ] && cmp -s "$tmp/w.md" "$tmp/n.md"
check '-o: the same CHANGELOG file' $? "exit $rc: $(diff "$tmp/w.md" "$tmp/n.md" | head -n 4)"
mkdir "$tmp/iw" "$tmp/in"
(cd "$tmp/iw" && wgc --init </dev/null >/dev/null 2>&1); rc=$?
(cd "$tmp/in" && ngc --init </dev/null >/dev/null 2>&1)
[ $rc -eq 0 ] && tr -d '\r' <"$tmp/iw/cliff.toml" | cmp -s - "$tmp/in/cliff.toml"
check '--init: cliff.toml' $? "exit $rc"

echo "git-cliff: $pass passed, $fail failed"
[ $fail -eq 0 ]
