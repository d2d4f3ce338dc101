#!/bin/sh
# tests/apps/turbo.sh BUILDDIR — Turborepo 2.8.17's Windows build (Go and
# Rust: npm's turbo-windows-64) under wlx against its Linux build
# (turbo-linux-64) in a generated npm monorepo of three packages: --version,
# `ls` (text and JSON), `run build --dry=json` (the same tasks, hashes and
# dependencies), `prune` (the same pruned tree), `query`; then its daemon
# starts, answers `daemon status` and stops (under wlx only). Running the tasks
# themselves needs a Windows npm, which is not there. Outputs must be
# identical but for path separators; git facts are left out (there is no
# Windows git). Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup
# no telemetry, and no update check: it asks the npm registry, and its answer
# (printed or not, cached per side) must not make the two outputs differ
TURBO_TELEMETRY_DISABLED=1; DO_NOT_TRACK=1; TURBO_NO_UPDATE_NOTIFIER=1
export TURBO_TELEMETRY_DISABLED DO_NOT_TRACK TURBO_NO_UPDATE_NOTIFIER
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

# these tarballs hold turbo-<os>-x64/ rather than package/: a link named package keeps the cache valid
fetch turbo-windows-64@2.8.17 turbo-windows-64-2.8.17
[ -e "$cache/turbo-windows-64-2.8.17/package" ] || ln -s turbo-windows-x64 "$cache/turbo-windows-64-2.8.17/package"
fetch turbo-linux-64@2.8.17 turbo-linux-64-2.8.17
[ -e "$cache/turbo-linux-64-2.8.17/package" ] || ln -s turbo-linux-x64 "$cache/turbo-linux-64-2.8.17/package"
win=$cache/turbo-windows-64-2.8.17/package/bin/turbo.exe
native=$cache/turbo-linux-64-2.8.17/package/bin/turbo
chmod +x "$native"

wturbo() { "$b/bin/wlx" "$win" "$@"; }
# separators made '/' in the Windows build's output (paths only: it prints no other backslash)
unwin() { sed 's#\\\\#/#g; s#\\#/#g'; }

v=$(wturbo --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$v" = "$("$native" --version)" ]; check "--version: $v" $? "exit $rc"

# a monorepo: web depends on ui, ui on util
m=$tmp/mono
mkdir -p "$m/apps/web" "$m/packages/ui" "$m/packages/util" "$m/node_modules"
cat > "$m/package.json" <<'JSON'
{ "name": "mono", "private": true, "packageManager": "npm@10.9.2", "workspaces": ["apps/*", "packages/*"] }
JSON
cat > "$m/turbo.json" <<'JSON'
{ "tasks": { "build": { "dependsOn": ["^build"], "outputs": ["dist/**"] }, "test": { "dependsOn": ["build"] } } }
JSON
printf '{ "name": "web", "version": "1.0.0", "scripts": { "build": "echo web" }, "dependencies": { "ui": "*" } }\n' > "$m/apps/web/package.json"
printf '{ "name": "ui", "version": "1.0.0", "scripts": { "build": "echo ui" }, "dependencies": { "util": "*" } }\n' > "$m/packages/ui/package.json"
printf '{ "name": "util", "version": "1.0.0", "scripts": { "build": "echo util" } }\n' > "$m/packages/util/package.json"
echo 'export const x = 1;' > "$m/packages/util/index.js"
cat > "$m/package-lock.json" <<'JSON'
{ "name": "mono", "lockfileVersion": 3, "requires": true,
  "packages": { "": { "name": "mono", "workspaces": ["apps/*", "packages/*"] },
    "apps/web": { "version": "1.0.0", "dependencies": { "ui": "*" } },
    "packages/ui": { "version": "1.0.0", "dependencies": { "util": "*" } },
    "packages/util": { "version": "1.0.0" },
    "node_modules/web": { "resolved": "apps/web", "link": true },
    "node_modules/ui": { "resolved": "packages/ui", "link": true },
    "node_modules/util": { "resolved": "packages/util", "link": true } } }
JSON
cd "$m"

# same NAME ARGS: identical output (separators aside) and exit code
same() {
    name=$1; shift
    wturbo "$@" >"$tmp/w.out" 2>&1; wrc=$?
    "$native" "$@" >"$tmp/n.out" 2>&1; nrc=$?
    unwin <"$tmp/w.out" | cmp -s - "$tmp/n.out" && [ $wrc -eq $nrc ]
    check "$name" $? "exit $wrc (native $nrc): $(unwin <"$tmp/w.out" | diff - "$tmp/n.out" | head -n 4)"
}
same 'ls' ls
same 'ls --output json' ls --output json
same 'query' query '{ packages { items { name } } }'

# the dry run's tasks: ids, hashes, dependencies and commands (the run id and git facts left out)
tasks() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([[t["taskId"], t["hash"], sorted(t["dependencies"]), t["command"], t["directory"].replace("\\","/")] for t in d["tasks"]], sort_keys=True))'; }
wturbo run build --dry=json 2>/dev/null | tasks >"$tmp/w.tasks"; rc=$?
"$native" run build --dry=json 2>/dev/null | tasks >"$tmp/n.tasks"
[ $rc -eq 0 ] && [ -s "$tmp/w.tasks" ] && cmp -s "$tmp/w.tasks" "$tmp/n.tasks"
check "run build --dry=json: the same tasks and hashes" $? "$(diff "$tmp/w.tasks" "$tmp/n.tasks" | head -n 4)"

wturbo prune web --out-dir="$tmp/pw" >/dev/null 2>&1; rc=$?
"$native" prune web --out-dir="$tmp/pn" >/dev/null 2>&1
[ $rc -eq 0 ] && diff -r "$tmp/pw" "$tmp/pn" >/dev/null; check "prune web: the same tree" $? "exit $rc"

# the daemon: turbo starts it suspended in a job, finds its main thread in a
# Toolhelp thread snapshot and resumes it by OpenThread (tests/kernel32/xthread.c)
trap '(cd "$m" && wturbo daemon stop) >/dev/null 2>&1; rm -rf "$tmp"' EXIT
# (-vv: its connector's log, shown with the daemon's own log if it fails;
# on Windows the client tries three times, 50 ms apart)
wturbo daemon start -vv >"$tmp/d.out" 2>"$tmp/d.err"; rc=$?
[ $rc -eq 0 ] && grep -q 'daemon is running' "$tmp/d.out"; check "daemon start" $? "exit $rc: $(tail -n 2 "$tmp/d.out")"
[ $rc -eq 0 ] || { grep -E 'connector|ERROR|WARN' "$tmp/d.err" | grep -v 'No locally installed' | tail -n 12
                   tail -n 8 "$m"/.turbo/daemon/*turbo.log* 2>/dev/null; }
wturbo daemon status --json >"$tmp/d.out" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && grep -q '"uptime_ms"' "$tmp/d.out"; check "daemon status" $? "exit $rc: $(tail -n 2 "$tmp/d.out")"
wturbo daemon stop >"$tmp/d.out" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q 'stopped daemon' "$tmp/d.out"; check "daemon stop" $? "exit $rc: $(tail -n 2 "$tmp/d.out")"

echo "turbo: $pass passed, $fail failed"
[ $fail -eq 0 ]
