#!/usr/bin/env python3
"""tests/msvc/fh3to4.py IN.s OUT.s — rewrite the __CxxFrameHandler3 tables
clang emits (it cannot emit __CxxFrameHandler4's) as FH4 tables, so that the
same test program also runs through __CxxFrameHandler4 (vcruntime140_1.dll).

The FH4 layout follows its published on-disk description (see
dlls/msvcrt/cxx_fh4.c). A compressed integer known here (a count, a state,
an offset) takes its shortest form, as MSVC writes it; one the assembler
computes (a code offset: a label difference) takes the 4-byte form (the
word (value << 4) | 7, for values below 2^28), whose size is known in
advance. (Wine 8 does not read the 5-byte form.) Each function and each catch funclet gets a
FuncInfo4 of its own (a catch funclet's says so and where it keeps its
parent's frame), with an ip-to-state map relative to its own start.
"""
import re
import sys

LONG = re.compile(r'^\s*\.long\s+(.*?)\s*#\s*(\w+)\s*$')
TABLE_LABEL = re.compile(r'^"?\$(cppxdata|stateUnwindMap|tryMap|handlerMap\$\d+|ip2state)\$(.+?)"?:\s*$')
PROC = re.compile(r'^\.seh_proc\s+(.+?)\s*$')
LABEL = re.compile(r'^("[^"]+"|[\w.$@?]+):')
IMGREL = re.compile(r'^\(?("?[^"()]+"?)\)?@IMGREL(\+\d+)?$')


def rva_symbol(expr):
    """'("$x$f")@IMGREL+1' -> ('"$x$f"', '+1'); '0' -> None"""
    m = IMGREL.match(expr)
    return (m.group(1), m.group(2) or '') if m else None


def q(name):
    """a symbol as the assembler takes any name: quoted"""
    return '"%s"' % name.strip('"')


def comp(value):
    """a number known here in its shortest form, as MSVC writes them (1 byte:
    value << 1; 2: value << 2 | 1; 3: value << 3 | 3); an expression the
    assembler computes in the 4-byte form, the little-endian word
    (value << 4) | 0b0111"""
    try:
        n = int(str(value), 0)
    except ValueError:
        return ['\t.long\t((%s)*16+7)' % value]
    for size, tag in ((1, 0), (2, 1), (3, 3)):
        if 0 <= n < 1 << (7 * size):
            word = (n << size) | tag
            return ['\t.byte\t' + ', '.join(str((word >> (8 * i)) & 0xff) for i in range(size))]
    return ['\t.long\t((%s)*16+7)' % value]


def parse(lines):
    """the FH3 tables: {function: {kind: [[(field, value), ...]]}}, and
    per .seh_proc its labels and whether it refers to a FuncInfo"""
    tables, procs, label_proc = {}, [], {}
    current, pending = None, []
    kind = None
    for i, line in enumerate(lines):
        m = TABLE_LABEL.match(line)
        if m:
            kind, func = m.group(1), m.group(2)
            tables.setdefault(func, {}).setdefault(kind.split('$')[0], []).append([])
            continue
        m = LONG.match(line)
        if kind and m:
            tables[func][kind.split('$')[0]][-1].append((m.group(2), m.group(1)))
            continue
        kind = None
        m = PROC.match(line)
        if m:
            current = m.group(1).strip('"')
            procs.append(current)
            for label in pending + [current]:
                label_proc[label] = current
            pending = []
            continue
        if line.startswith('\t.seh_endproc'):
            current = None
            continue
        m = LABEL.match(line)
        if m:
            if current:
                label_proc[m.group(1).strip('"')] = current
            else:
                pending.append(m.group(1).strip('"'))
    return tables, procs, label_proc


def records(fields, size):
    return [fields[i:i + size] for i in range(0, len(fields), size)]


def emit_func(out, func, t, procs, label_proc):
    info = dict(t['cppxdata'][0])
    flags = int(info['EHFlags'])
    unwind = records(t.get('stateUnwindMap', [[]])[0], 2)
    tries = records(t.get('tryMap', [[]])[0], 5)
    ips = [(r[0][1], r[1][1]) for r in records(t.get('ip2state', [[]])[0], 2)]
    name = func.strip('"')
    # catch funclets: their handler entry gives where they keep the parent frame
    catch_frame = {}
    handler_maps = t.get('handlerMap', [])
    for hm in handler_maps:
        for h in records(hm, 5):
            d = dict(h)
            catch_frame[rva_symbol(d['Handler'])[0].strip('"')] = int(d['ParentFrameOffset'])

    out.append('\t.section\t.xdata,"dr"')
    # unwind map: per entry its first field (nextOffset << 2 | type), the
    # action's rva for a funclet; nextOffset counts bytes back to the entry
    # of the state it leads to, which comes before it: its place is known
    offsets, pos = [], 0
    out.append('"$fh4uw$%s":' % name)
    out += comp(len(unwind))
    for i, u in enumerate(unwind):
        d = dict(u)
        offsets.append(pos)
        to = int(d['ToState'])
        back = offsets[i] + 1 if to < 0 else offsets[i] - offsets[to]
        kind = 3 if d['Action'] != '0' else 0
        first = comp((back << 2) | kind)
        out += first
        pos += first[0].count(',') + 1 if '.byte' in first[0] else 4
        if kind:
            out.append('\t.long\t%s' % d['Action'])
            pos += 4
    # try map and handlers
    out.append('"$fh4try$%s":' % name)
    out += comp(len(tries))
    for n, tr in enumerate(tries):
        d = dict(tr)
        out += comp(d['TryLow']) + comp(d['TryHigh']) + comp(d['CatchHigh'])
        out.append('\t.long\t"$fh4h$%d$%s"@IMGREL' % (n, name))
    for n, hm in enumerate(handler_maps):
        hs = records(hm, 5)
        out.append('"$fh4h$%d$%s":' % (n, name))
        out += comp(len(hs))
        for h in hs:
            d = dict(h)
            header = (1 if d['Adjectives'] != '0' else 0) | (2 if d['Type'] != '0' else 0) | \
                     (4 if d['CatchObjOffset'] != '0' else 0)
            out.append('\t.byte\t%d' % header)
            if header & 1:
                out += comp(d['Adjectives'])
            if header & 2:
                out.append('\t.long\t%s' % d['Type'])
            if header & 4:
                out += comp(d['CatchObjOffset'])
            out.append('\t.long\t%s' % d['Handler'])
    # one FuncInfo4 and ip map per proc of this function
    for proc in procs:
        entries = [(e, s) for e, s in ips if label_proc.get(rva_symbol(e)[0].strip('"')) == proc]
        if proc != func and proc not in catch_frame:
            continue
        pname = proc
        out.append('"$fh4ip$%s":' % pname)
        out += comp(len(entries))
        prev = q(proc)
        for e, s in entries:
            sym, add = rva_symbol(e)
            delta = '(%s%s)-(%s)' % (q(sym), add, prev)
            out += comp(0 if q(sym) + add == prev else delta)   # the assembler cannot scale x-x
            out += comp(int(s) + 1)
            prev = q(sym) + add
        header = (8 if unwind else 0) | (16 if tries else 0) | (32 if flags & 1 else 0) | (64 if flags & 4 else 0)
        if proc in catch_frame:
            header |= 1
        out.append('"$fh4$%s":' % pname)
        out.append('\t.byte\t%d' % header)
        if unwind:
            out.append('\t.long\t"$fh4uw$%s"@IMGREL' % name)
        if tries:
            out.append('\t.long\t"$fh4try$%s"@IMGREL' % name)
        out.append('\t.long\t"$fh4ip$%s"@IMGREL' % pname)
        if proc in catch_frame:
            out += comp(catch_frame[proc])


def main():
    lines = open(sys.argv[1]).read().split('\n')
    tables, procs, label_proc = parse(lines)
    out, current = [], None
    for line in lines:
        m = PROC.match(line)
        if m:
            current = m.group(1).strip('"')
        line = line.replace('__CxxFrameHandler3', '__CxxFrameHandler4')
        # clang prints "name@@"@IMGREL unquoted, which it cannot read back
        line = re.sub(r'(\.long\t)([^"\s(]+@)@IMGREL', r'\1"\2"@IMGREL', line)
        m = re.match(r'^\t\.long\t\(?"?\$cppxdata\$.*@IMGREL\s*$', line)
        if m and current:
            line = '\t.long\t"$fh4$%s"@IMGREL' % current
        out.append(line)
    for func, t in tables.items():
        if 'cppxdata' in t:
            emit_func(out, func, t, procs, label_proc)
    open(sys.argv[2], 'w').write('\n'.join(out) + '\n')


main()
