#!/bin/sh
# tests/apps/gen-js.sh DIR — writes a JavaScript project into DIR for
# esbuild: 40 ES modules importing each other and a package in
# node_modules (tinyfmt), entry point src/main.js. The same project every
# time (tests/apps/esbuild.sh and tools/bench-apps.sh use it).
proj=$1
[ -n "$proj" ] || { echo "usage: gen-js.sh DIR" >&2; exit 2; }
mkdir -p "$proj/src" "$proj/node_modules/tinyfmt"
cat > "$proj/node_modules/tinyfmt/package.json" <<'JSON'
{ "name": "tinyfmt", "version": "1.0.0", "main": "index.js" }
JSON
cat > "$proj/node_modules/tinyfmt/index.js" <<'JS'
exports.pad = function (s, n) { s = String(s); while (s.length < n) s = " " + s; return s; };
exports.join = function (parts) { return parts.filter(Boolean).join(", "); };
JS
i=0
while [ $i -lt 40 ]; do
    next=$(( (i + 1) % 40 )); other=$(( (i * 7 + 3) % 40 ))
    {
        [ $i -lt 39 ] && echo "import { value$next } from './mod$next.js';"
        [ $i -lt 39 ] && [ $other -gt $i ] && echo "import { table$other } from './mod$other.js';"
        echo "import { pad, join } from 'tinyfmt';"
        echo "export const table$i = Array.from({ length: $(( i + 5 )) }, (_, k) => ({ id: k * $i, name: 'item-' + k }));"
        echo "export function value$i(x) {"
        echo "  const rows = table$i.map(r => pad(r.id, 6) + ' ' + r.name);"
        if [ $i -lt 39 ]; then printf '%s\n' "  return join([rows.join('\\n'), String(value$next(x + 1))]);"
        else echo "  return join(rows);"; fi
        echo "}"
        echo "export class Thing$i { constructor(n) { this.n = n; } describe() { return 'thing $i: ' + this.n; } }"
    } > "$proj/src/mod$i.js"
    i=$((i + 1))
done
printf "import { value0 } from './mod0.js';\nconsole.log(value0(1).length);\n" > "$proj/src/main.js"
