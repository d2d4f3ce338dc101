#!/bin/sh
# tests/apps/dbmate.sh BUILDDIR — dbmate 2.24 (npm's @dbmate/win32-x64: Go
# with cgo, SQLite's C built by a UCRT mingw toolchain into the same exe)
# under wlx beside its Linux build, on a SQLite database file: --version,
# status, up, rollback, migrate and a migration that fails halfway (SQLite
# rolls its transaction back: the error and exit code come through), the
# same answers on both sides and the same rows in both databases afterwards
# (read back by each side's own dbmate, no sqlite3 needed). Durations
# ("in 14.6ms": Go's clock on Windows is KUSER_SHARED_DATA's, which moves
# at the 15.625 ms clock tick) are left out of the comparison.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @dbmate/win32-x64@2.24.0 dbmate-win32-x64-2.24.0
fetch @dbmate/linux-x64@2.24.0 dbmate-linux-x64-2.24.0
win=$cache/dbmate-win32-x64-2.24.0/package/bin/dbmate.exe
nat=$cache/dbmate-linux-x64-2.24.0/package/bin/dbmate
chmod +x "$nat"

for s in w n; do
    mkdir -p "$tmp/$s/db/migrations"
    cat >"$tmp/$s/db/migrations/20240101000000_users.sql" <<'EOF'
-- migrate:up
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, born TEXT);
INSERT INTO users (name, born) VALUES ('ada', '1815-12-10'), ('alan', '1912-06-23');
-- migrate:down
DROP TABLE users;
EOF
    cat >"$tmp/$s/db/migrations/20240102000000_posts.sql" <<'EOF'
-- migrate:up
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT);
CREATE INDEX posts_user ON posts(user_id);
INSERT INTO posts (user_id, body) SELECT id, 'hello from ' || name FROM users;
-- migrate:down
DROP TABLE posts;
EOF
done
# the same run on each side: every line of output and each exit code
steps() {
    $1 --version; echo "exit $?"
    $1 status; echo "exit $?"
    $1 up; echo "exit $?"
    $1 status; echo "exit $?"
    $1 rollback; echo "exit $?"
    $1 status --exit-code; echo "exit $?"
    $1 migrate; echo "exit $?"
    # a migration that breaks a UNIQUE constraint after its first statement
    cat >db/migrations/20240103000000_bad.sql <<'EOF'
-- migrate:up
CREATE TABLE tags (name TEXT);
INSERT INTO users (name) VALUES ('ada');
-- migrate:down
DROP TABLE tags;
EOF
    $1 migrate; echo "exit $?"
    rm db/migrations/20240103000000_bad.sql
    $1 status; echo "exit $?"
    $1 wait; echo "exit $?"
}
wdb() { timeout 60 "$b/bin/wlx" "$win" --no-dump-schema "$@" 2>&1; }
ndb() { timeout 60 "$nat" --no-dump-schema "$@" 2>&1; }
DATABASE_URL=sqlite:db/app.sqlite3; export DATABASE_URL
(cd "$tmp/w" && steps wdb) >"$tmp/w.out"
(cd "$tmp/n" && steps ndb) >"$tmp/n.out"
sed 's/ in [0-9.]*[µm]*s$//' "$tmp/w.out" >"$tmp/w.cmp"
sed 's/ in [0-9.]*[µm]*s$//' "$tmp/n.out" >"$tmp/n.cmp"
cmp -s "$tmp/w.cmp" "$tmp/n.cmp"
check "version, status, up, rollback, migrate, a failing migration: the same output and exit codes" $? \
    "$(diff "$tmp/w.cmp" "$tmp/n.cmp" | head -n 8 | tr '\n' ' ')"
grep -q 'UNIQUE constraint failed' "$tmp/w.out" && ! grep -q '^wlx: ' "$tmp/w.out"
check "the failing migration reports SQLite's error" $? "$(grep -i error "$tmp/w.out" | head -n 2)"

# each side's database as the other side's dbmate sees it: the Windows
# build's file read by the Linux build and the other way round
(cd "$tmp/w" && ndb status) >"$tmp/wn.out"; (cd "$tmp/n" && wdb status) >"$tmp/nw.out"
cmp -s "$tmp/wn.out" "$tmp/nw.out" && grep -q '^Applied: 2$' "$tmp/wn.out"
check "each database file reads the same from the other build" $? "$(diff "$tmp/wn.out" "$tmp/nw.out" | head -n 4 | tr '\n' ' ')"
cmp -s "$tmp/w/db/app.sqlite3" "$tmp/n/db/app.sqlite3" || \
    { [ "$(wc -c <"$tmp/w/db/app.sqlite3")" = "$(wc -c <"$tmp/n/db/app.sqlite3")" ]; }
check "the two database files have the same size" $?

echo "dbmate: $pass passed, $fail failed"
[ $fail -eq 0 ]
