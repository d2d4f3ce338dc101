#!/usr/bin/env python3
# specset.py SPEC 'LINE' ... — set export lines in a .spec: a line for NAME
# replaces "@ stub NAME" (or an existing line for NAME), else a line with its
# ordinal number (an ordinal names one export: "13 stub -noname x_13" becomes
# "13 stub ldap_unbind"), else it is appended.
# A developer tool for editing specs; the build never runs it.
import re, sys
path = sys.argv[1]
lines = open(path).read().split('\n')
def parse(l):
    m = re.match(r'\s*(@|\d+)\s+\w+\s+(?:-\S+\s+)*([^\s(]+)', l)
    return (m.group(2), None if m.group(1) == '@' else int(m.group(1))) if m else (None, None)
index = {parse(l)[0]: i for i, l in enumerate(lines) if parse(l)[0]}
ordinals = {parse(l)[1]: i for i, l in enumerate(lines) if parse(l)[1]}
for new in sys.argv[2:]:
    n, o = parse(new)
    i = index.get(n) if n in index else ordinals.get(o) if o else None
    if i is not None:
        old_n, old_o = parse(lines[i])
        index.pop(old_n, None); ordinals.pop(old_o, None)
        lines[i] = new
    else:
        if lines and lines[-1] == '': lines.insert(len(lines) - 1, new); i = len(lines) - 2
        else: lines.append(new); i = len(lines) - 1
    if n: index[n] = i
    if o: ordinals[o] = i
open(path, 'w').write('\n'.join(lines))
