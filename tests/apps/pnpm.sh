#!/bin/sh
# tests/apps/pnpm.sh BUILDDIR — pnpm 12.4 as one exe (npm's
# @pnpm/exe.win32-x64: Node.js with pnpm inside) under wlx beside its
# Linux build, offline, on a workspace of two packages: --version, install
# (the workspace dependency linked into node_modules), ls, scripts run
# through cmd.exe (the package's "echo", a failing one's exit code, one
# in every package with -r), pack (a tarball, read back with tar).
# Lines compared with the Linux build's once paths are made alike (the
# Windows build says Z:\...\w\packages\app) and cmd.exe's "\r" and the
# "Done in 76ms" times are left out.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup
# no configuration of the user's may change the answers
HOME=$tmp; export HOME
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME PNPM_HOME npm_config_registry

fetch @pnpm/exe.win32-x64@12.4.2 pnpm-exe.win32-x64-12.4.2
fetch @pnpm/exe.linux-x64@12.4.2 pnpm-exe.linux-x64-12.4.2
win=$cache/pnpm-exe.win32-x64-12.4.2/package/pnpm.exe
nat=$cache/pnpm-exe.linux-x64-12.4.2/package/pnpm
chmod +x "$nat"

for s in w n; do
    mkdir -p "$tmp/$s/packages/lib" "$tmp/$s/packages/app"
    cat >"$tmp/$s/package.json" <<'EOF'
{"name":"root","version":"1.0.0","private":true,"scripts":{"hello":"echo hello from a script","fail":"exit 3"}}
EOF
    printf 'packages:\n  - "packages/*"\n' >"$tmp/$s/pnpm-workspace.yaml"
    cat >"$tmp/$s/packages/lib/package.json" <<'EOF'
{"name":"@t/lib","version":"1.2.3","main":"index.js","files":["index.js","lib.d.ts"],"scripts":{"build":"echo building lib"}}
EOF
    echo 'module.exports = 42;' >"$tmp/$s/packages/lib/index.js"
    echo 'declare const n: number; export = n;' >"$tmp/$s/packages/lib/lib.d.ts"
    echo 'not packed' >"$tmp/$s/packages/lib/notes.txt"
    cat >"$tmp/$s/packages/app/package.json" <<'EOF'
{"name":"@t/app","version":"0.1.0","dependencies":{"@t/lib":"workspace:*"},"scripts":{"build":"echo building app"}}
EOF
done
steps() {
    $1 --version; echo "exit $?"
    $1 install --offline --store-dir "$tmp/store-$2"; echo "exit $?"
    $1 -r ls --depth 1; echo "exit $?"
    $1 run hello; echo "exit $?"
    $1 run fail; echo "exit $?"
    $1 -r run build; echo "exit $?"
    (cd packages/lib && $1 pack --pack-destination ../..); echo "exit $?"
    tar -tzf t-lib-1.2.3.tgz | sort; echo "exit $?"
}
wp() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@" 2>&1; }
np() { timeout -k 5 60 "$nat" "$@" 2>&1; }
(cd "$tmp/w" && steps wp w) >"$tmp/w.out"
(cd "$tmp/n" && steps np n) >"$tmp/n.out"
wroot="Z:$(printf '%s' "$tmp/w" | tr / '\\')"
tr -d '\r' <"$tmp/w.out" | sed -e "s|$(printf '%s' "$wroot" | sed 's|\\|\\\\|g')|ROOT|g" -e 's|\\|/|g' \
    -e 's/^Done in .*//' >"$tmp/w.cmp"
sed -e "s|$tmp/n|ROOT|g" -e 's/^Done in .*//' "$tmp/n.out" >"$tmp/n.cmp"
cmp -s "$tmp/w.cmp" "$tmp/n.cmp"
check "version, install, ls, run, run -r, pack: the same output and exit codes" $? \
    "$(diff "$tmp/w.cmp" "$tmp/n.cmp" | head -n 8 | tr '\n' ' ')"

[ "$(cat "$tmp/w/packages/app/node_modules/@t/lib/index.js" 2>/dev/null)" = 'module.exports = 42;' ]
check "the workspace package is linked into node_modules" $?
grep -q '^exit 3$' "$tmp/w.out" && grep -q 'hello from a script' "$tmp/w.out" && ! grep -q '^wlx: ' "$tmp/w.out"
check "a script's output and a failing script's exit code come through cmd.exe" $?
tar -xzf "$tmp/w/t-lib-1.2.3.tgz" -C "$tmp" package/package.json package/index.js &&
    cmp -s "$tmp/package/index.js" "$tmp/w/packages/lib/index.js" && grep -q '"version": *"1.2.3"' "$tmp/package/package.json"
check "the packed tarball holds the package's files" $?

echo "pnpm: $pass passed, $fail failed"
[ $fail -eq 0 ]
