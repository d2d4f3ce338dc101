#!/bin/sh
# tools/check-syscalls.sh SPEC SOURCE... — every system call SPEC marks
# -syscall has a Unix function `NTSTATUS WINAPI unix_Name(...)` in the
# sources with as many parameters as the spec gives it arguments. The door
# relies on it: a call of at most four arguments goes in without its stack
# arguments copied (ntdll/door.S, __wlx_syscall_regs). Prints each mismatch
# and exits 1; prints nothing and exits 0 when all agree.
spec=$1
shift
# "name count" for each Unix function: the sources as one line, each
# definition's parameter list (no parentheses inside: none has any)
cat "$@" | tr '\n' ' ' | grep -o 'WINAPI unix_[A-Za-z0-9_]* *([^()]*) *{' |
    sed 's/^WINAPI unix_\([A-Za-z0-9_]*\) *(\(.*\)) *{$/\1 \2/' |
    awk '{ name = $1; $1 = ""; p = $0; gsub(/^ +| +$/, "", p)
           n = (p == "" || p == "void") ? 0 : split(p, parts, ",")
           print name, n }' >"${TMPDIR:-/tmp}/check-syscalls.$$"
awk -v defs="${TMPDIR:-/tmp}/check-syscalls.$$" '
    BEGIN { while ((getline line < defs) > 0) { split(line, f, " "); have[f[1]] = f[2] } }
    /^@/ && / -syscall / {
        match($0, /[A-Za-z0-9_]+\(/); name = substr($0, RSTART, RLENGTH - 1)
        args = $0; sub(/^[^(]*\(/, "", args); sub(/\).*$/, "", args)
        n = split(args, a, " ")
        if (!(name in have)) { print "check-syscalls: " name ": no unix_" name " definition"; bad = 1 }
        else if (have[name] != n) { print "check-syscalls: " name ": the spec has " n " arguments, unix_" name " " have[name]; bad = 1 }
    }
    END { exit bad }' "$spec"
status=$?
rm -f "${TMPDIR:-/tmp}/check-syscalls.$$"
exit $status
