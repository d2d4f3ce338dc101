#!/bin/sh
# tests/apps/sentrycli.sh BUILDDIR — sentry-cli (Rust, MSVC, static CRT;
# npm's @sentry/cli-win32-x64 3.8.0) under wlx, offline: --version and
# --help through a pipe, `info` failing with its own error (no token; then
# a refused HTTPS connection), `sourcemaps inject` rewriting a small
# project, `debug-files check` reading its own PE file; exit codes come
# through. Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup
# no configuration or update check of the user's may change the answers
HOME=$tmp; export HOME
SENTRY_DISABLE_UPDATE_CHECK=1; export SENTRY_DISABLE_UPDATE_CHECK
unset SENTRY_AUTH_TOKEN SENTRY_URL SENTRY_ORG SENTRY_PROJECT

exe=$cache/sentry-cli-win32-x64-3.8.0/package/bin/sentry-cli.exe
fetch @sentry/cli-win32-x64@3.8.0 sentry-cli-win32-x64-3.8.0
sc() { timeout 60 "$b/bin/wlx" "$exe" "$@"; }
# no run may end in an unhandled exception report of wlx's
crashed() { grep -q '^wlx: .*unhandled exception' "$1"; }

out=$(sc --version | cat); rc=$?
[ "$out" = "sentry-cli 3.8.0" ]; check "--version through a pipe" $? "got '$out' (exit $rc)"

sc --help >"$tmp/help" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q '^Usage: sentry-cli' "$tmp/help" && grep -q 'sourcemaps' "$tmp/help"
check "--help lists the commands" $? "exit $rc"

sc info >"$tmp/info" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q 'Auth token is required' "$tmp/info" && ! crashed "$tmp/info"
check "info without a token fails with its own error, exit 1" $? "exit $rc: $(tail -n 3 "$tmp/info")"

# port 9 on the loopback refuses: a clean network error, no crash
SENTRY_AUTH_TOKEN=sntrys_test sc --url https://127.0.0.1:9 info >"$tmp/net" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q 'API request failed' "$tmp/net" && ! crashed "$tmp/net"
check "info against a refused HTTPS port fails cleanly" $? "exit $rc: $(tail -n 3 "$tmp/net")"

mkdir -p "$tmp/js"
printf 'function add(a,b){return a+b}\nadd(1,2);\n//# sourceMappingURL=app.js.map\n' >"$tmp/js/app.js"
printf '{"version":3,"sources":["app.ts"],"names":[],"mappings":"AAAA"}' >"$tmp/js/app.js.map"
sc sourcemaps inject "$tmp/js" >"$tmp/inject" 2>&1; rc=$?
id=$(sed -n 's|^//# debugId=||p' "$tmp/js/app.js" | tr -d '\r')
[ $rc -eq 0 ] && [ -n "$id" ] && grep -q "\"debugId\":\"$id\"" "$tmp/js/app.js.map" && grep -q 'add(1,2)' "$tmp/js/app.js"
check "sourcemaps inject gives the file and its map one debug id" $? "exit $rc, id '$id'"

sc debug-files check "$exe" >"$tmp/check" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q 'pe executable' "$tmp/check" && grep -q 'Usable: yes' "$tmp/check"
check "debug-files check reads a PE file" $? "exit $rc: $(tail -n 3 "$tmp/check")"

sc no-such-command >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ]; check "an unknown command exits 2 (clap's usage error)" $? "exit $rc"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
