#!/bin/sh
# tests/loader/console.sh BUILDDIR — the console on a real terminal: the
# console tests (kernel32/conin, kernel32/conbuf, kernel32/conscreen,
# msvcrt/conio) under a pseudo-terminal, and
# keys typed into one turned into key events (letters, arrows, Enter, a
# non-ASCII character), as the Windows console reports them.
b=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WLXPREFIX=${WLXPREFIX:-$tmp/prefix}; export WLXPREFIX
pass=0; fail=0
check() { # description, condition status
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1"; fi
}
if ! command -v script >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "console: needs script and python3; skipped"; exit 0
fi

for t in kernel32/conin kernel32/conbuf kernel32/conscreen msvcrt/conio; do
    script -qec "$b/bin/wlx $b/tests/$t.exe" /dev/null > "$tmp/out" 2>&1
    rc=$?
    grep -a 'Test failed' "$tmp/out"
    check "$t on a terminal (exit $rc)" $rc
done

# a screen drawn with the console functions: what the program reads back
# from its buffer is what a terminal (tmux) shows
if command -v tmux >/dev/null 2>&1; then
    sock=$tmp/tmux.sock
    dump=$tmp/screen
    tmux -S "$sock" -f /dev/null new-session -d -x 80 -y 24 \
        "$b/bin/wlx $b/tests/kernel32/conscreen.exe draw $dump; echo exit \$? > $tmp/drawn"
    for i in $(seq 200); do [ -f "$dump.done" ] || [ -f "$tmp/drawn" ] && break; sleep 0.1; done
    tmux -S "$sock" capture-pane -p | sed 's/ *$//' > "$tmp/pane"
    touch "$dump.quit"
    for i in $(seq 100); do [ -f "$tmp/drawn" ] && break; sleep 0.1; done
    tmux -S "$sock" kill-server 2>/dev/null
    [ -f "$dump.done" ] && diff "$dump" "$tmp/pane"
    check "the terminal shows the screen buffer ($(cat "$tmp/drawn" 2>/dev/null))" $?
    grep -q 'wra$' "$tmp/pane" && grep -q '^p-around end' "$tmp/pane" && grep -q '^           BOX' "$tmp/pane" &&
        [ "$(sed -n '16p;17p;18p;20p' "$tmp/pane" | tr '\n' '|')" = "$(printf '%080d' 0 | tr 0 L)||after|Z|" ]
    check "the drawn screen has its text" $?
else
    echo "console: no tmux; the drawn screen is not checked"
fi

# a line typed and read with ReadFile: the buffer has the terminal's echo
timeout 20 python3 - "$b/bin/wlx" "$b/tests/kernel32/conscreen.exe" > "$tmp/echo" 2>&1 <<'PY'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], "echo"])
out = b""
def pump(seconds, until):
    global out
    end = time.time() + seconds
    while time.time() < end and until not in out:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: out += os.read(fd, 4096)
            except OSError: return
pump(10, b"ready>")
os.write(fd, b"abc\r")
pump(10, b"echo x")
pump(1, b"\n'")
sys.stdout.write(out.decode(errors="replace"))
PY
grep -aq "echo x 0 dy 1 'abc'" "$tmp/echo"
check "a line read with ReadFile is in the buffer ($(grep -a -o 'echo x.*' "$tmp/echo" | tr -d '\r'))" $?

# types keys into a pseudo-terminal once the program says "ready"
timeout 20 python3 - "$b/bin/wlx" "$b/tests/kernel32/conin.exe" > "$tmp/keys" 2>&1 <<'PY'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], "keys", "5"])
out = b""
def pump(seconds, until=None):
    global out
    end = time.time() + seconds
    while time.time() < end and not (until and until in out):
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: out += os.read(fd, 4096)
            except OSError: return
pump(10, b"ready")
for keys in (b"a", b"\x1b[A", b"\r", b"Z", "\u00e9".encode()):
    os.write(fd, keys)
    pump(0.3)
pump(3, b"key 00 00e9")
sys.stdout.write(out.decode(errors="replace"))
PY
for want in "key 41 0061 1e 0" "key 26 0000 48 100" "key 0d 000d 1c 0" "key 5a 005a 2c 10" "key 00 00e9 00 0"; do
    grep -aq "$want" "$tmp/keys"
    check "typed key: $want" $?
done
echo "console: $pass passed, $fail failed"
[ $fail -eq 0 ]
