#!/bin/sh
# tests/apps/workerd.sh BUILDDIR — Cloudflare's workerd 1.20261117.1 (npm's
# @cloudflare/workerd-windows-64: C++ built by clang-cl with /MD, so
# msvcp140's iostreams and locale core; KJ's exceptions; V8) under wlx
# beside its Linux build: --version, `workerd test` on a worker that
# hashes, encrypts, formats and streams (the same lines, a failing test's
# exit code too), a config with an error, and `workerd serve` answering
# HTTP requests on the loopback (a JSON answer, an uncaught exception's
# 500, a POST echoed) as the Linux server answers them.
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @cloudflare/workerd-windows-64@1.20261117.1 cloudflare-workerd-windows-64-1.20261117.1
fetch @cloudflare/workerd-linux-64@1.20261117.1 cloudflare-workerd-linux-64-1.20261117.1
win=$cache/cloudflare-workerd-windows-64-1.20261117.1/package/bin/workerd.exe
nat=$cache/cloudflare-workerd-linux-64-1.20261117.1/package/bin/workerd
chmod +x "$nat"
ww() { timeout -k 5 60 "$b/bin/wlx" "$win" "$@"; }
nw() { timeout -k 5 60 "$nat" "$@"; }
# Windows lines as Linux ones: no \r, '/' in KJ's source paths, no durations
tidy() { tr -d '\r' | sed -e 's|server\\|server/|g' -e 's/ ([0-9.]*[µm]*s)$//'; }

out=$(ww --version 2>&1 | tr -d '\r'); rc=$?
[ $rc -eq 0 ] && [ "$out" = "$(nw --version 2>&1)" ]; check "--version: $out" $? "exit $rc"

cd "$tmp" || exit 1
cat >worker.js <<'EOF'
import { Buffer } from "node:buffer";
export default {
  async test() {
    const data = new TextEncoder().encode("hello workerd");
    console.log("sha256", Buffer.from(await crypto.subtle.digest("SHA-256", data)).toString("hex"));
    const key = await crypto.subtle.importKey("raw", new Uint8Array(16), { name: "AES-GCM" }, false, ["encrypt"]);
    const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, data);
    console.log("aes-gcm", Buffer.from(ct).toString("base64"));
    console.log("json", JSON.stringify({ a: [1, 2, { b: "c" }], d: 1.5e300, e: -0.1 }));
    console.log("regexp", "2024-01-02".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"));
    const s = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
    let all = ""; for await (const x of s) all += x;
    console.log("stream", all);
    try { JSON.parse("{bad"); } catch (e) { console.log("error", e.name, e.message); }
    console.log("intl", new Intl.NumberFormat("en-US").format(1234567.891), new Intl.DateTimeFormat("en-GB", { timeZone: "UTC" }).format(0));
    console.log("date", new Date(0).toISOString(), Math.sign(-3), Number.parseFloat("2.5e-3"));
  },
  async fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === "/throw") throw new Error("boom");
    if (req.method === "POST") return new Response("echo:" + (await req.text()));
    const sha = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(url.pathname))).toString("hex");
    return new Response(JSON.stringify({ path: url.pathname, q: url.searchParams.get("q"), sha }) + "\n",
                        { headers: { "content-type": "application/json" } });
  },
};
EOF
printf 'export default { async test() { throw new Error("this test fails"); } };\n' >failing.js
config() {  # config NAME MODULE [PORT]
    sockets=
    [ -n "$3" ] && sockets="sockets = [ (name = \"http\", address = \"127.0.0.1:$3\", http = (), service = \"main\") ],"
    cat >"$1.capnp" <<EOF
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  $sockets
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "$2") ],
  compatibilityDate = "2024-01-01",
  compatibilityFlags = ["nodejs_compat"],
);
EOF
}
config good worker.js
config bad failing.js

ww test good.capnp >w.out 2>&1; rc=$?
nw test good.capnp 2>&1 | tidy >n.cmp
tidy <w.out >w.cmp
[ $rc -eq 0 ] && grep -q 'PASS' w.cmp && cmp -s w.cmp n.cmp
check "workerd test: hashing, AES-GCM, JSON, RegExp, streams, Intl: the same lines" $? \
    "exit $rc: $(diff w.cmp n.cmp | head -n 6 | tr '\n' ' ')"

ww test bad.capnp >w.out 2>&1; rc=$?
nw test bad.capnp >n.out 2>&1; nrc=$?
[ $rc -eq $nrc ] && [ $rc -ne 0 ] && grep -q 'this test fails' w.out && ! grep -q '^wlx: ' w.out
check "a failing test: its error and exit code ($rc, Linux $nrc)" $? "$(tail -n 3 w.out)"

printf 'this is not capnp\n' >broken.capnp
ww test broken.capnp >w.out 2>&1; rc=$?
nw test broken.capnp >n.out 2>&1; nrc=$?
[ $rc -eq $nrc ] && [ $rc -ne 0 ] && ! grep -q '^wlx: ' w.out
check "a config that does not parse: exit $rc as on Linux" $? "Linux $nrc: $(tail -n 2 w.out)"

command -v curl >/dev/null 2>&1 || { echo "workerd: $pass passed, $fail failed (no curl: serve not tried)"; [ $fail -eq 0 ]; exit; }
# serve SIDE PORT: the server of that side started, the three answers in
# SIDE.http, the server stopped; waits up to 60 s for it to listen
serve() {
    config "serve-$1" worker.js "$2"
    if [ "$1" = w ]; then ww serve "serve-$1.capnp" >"$1.log" 2>&1 & else nw serve "serve-$1.capnp" >"$1.log" 2>&1 & fi
    pid=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$2/" 2>/dev/null || [ $i -ge 120 ] || ! kill -0 "$pid" 2>/dev/null
    do sleep 0.5; i=$((i + 1)); done
    {
        curl -s -m 20 "http://127.0.0.1:$2/hello?q=42"
        curl -s -m 20 -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$2/throw"
        curl -s -m 20 -d 'posted body' "http://127.0.0.1:$2/post"; echo
    } >"$1.http"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
port=$((20000 + $$ % 20000))
serve w "$port"
serve n $((port + 1))
cmp -s w.http n.http && grep -q '"q":"42"' w.http && grep -qx 500 w.http && grep -qx 'echo:posted body' w.http
check "workerd serve: a JSON answer, an uncaught exception's 500, a POST: as the Linux server" $? \
    "$(diff w.http n.http | head -n 6 | tr '\n' ' ') $(grep -v 'PASS\|TEST' w.log | head -n 2)"
grep -q 'boom' w.log && ! grep -q '^wlx: ' w.log
check "the uncaught exception is logged, no crash" $? "$(head -n 3 w.log)"

echo "workerd: $pass passed, $fail failed"
[ $fail -eq 0 ]
