#!/usr/bin/env python3
# specset.py SPEC 'LINE' ... — set export lines in a .spec: a line for NAME
# replaces "@ stub NAME" (or an existing line for NAME), else it is appended.
# A developer tool for editing specs; the build never runs it.
import re, sys
path = sys.argv[1]
lines = open(path).read().split('\n')
def name_of(l):
    m = re.match(r'\s*(@|\d+)\s+\w+\s+(?:-\S+\s+)*([^\s(]+)', l)
    return m.group(2) if m else None
index = {name_of(l): i for i, l in enumerate(lines) if name_of(l)}
for new in sys.argv[2:]:
    n = name_of(new)
    if n in index: lines[index[n]] = new
    else:
        if lines and lines[-1] == '': lines.insert(len(lines) - 1, new); index[n] = len(lines) - 2
        else: lines.append(new); index[n] = len(lines) - 1
open(path, 'w').write('\n'.join(lines))
