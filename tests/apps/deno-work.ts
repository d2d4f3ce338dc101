// tests/apps/deno-work.ts DIR — what tests/apps/deno.sh runs in Deno's
// Windows build and its Linux build: files in DIR, Web Crypto, an HTTP
// server and three concurrent fetches on loopback, a child process (deno
// eval) with piped stdout, a Worker, a timer race; prints what it saw.
const dir = Deno.args[0];
await Deno.mkdir(`${dir}/sub`, { recursive: true });
for (let i = 0; i < 20; i++) await Deno.writeTextFile(`${dir}/sub/f${i}.txt`, `line ${i}\n`.repeat(i + 1));
let total = 0, count = 0;
for await (const e of Deno.readDir(`${dir}/sub`)) {
  total += (await Deno.stat(`${dir}/sub/${e.name}`)).size;
  count++;
}
console.log("files", count, "bytes", total);
await Deno.rename(`${dir}/sub/f3.txt`, `${dir}/moved.txt`);
console.log("moved", (await Deno.readTextFile(`${dir}/moved.txt`)).split("\n").length);
const data = new TextEncoder().encode("hello world".repeat(1000));
const digest = await crypto.subtle.digest("SHA-256", data);
console.log("sha256", Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join(""));

const ac = new AbortController();
const server = Deno.serve(
  { port: 0, hostname: "127.0.0.1", signal: ac.signal, onListen() {} },
  async (req) => new Response(`got ${req.method} ${new URL(req.url).pathname} ${(await req.text()).length}`),
);
const port = server.addr.port;
const results = await Promise.all([1, 2, 3].map((i) =>
  fetch(`http://127.0.0.1:${port}/p${i}`, { method: "POST", body: "x".repeat(i * 10000) }).then((r) => r.text())
));
console.log(results.join("; "));
ac.abort();
await server.finished;

const child = new Deno.Command(Deno.execPath(), { args: ["eval", "console.log(6*7); Deno.exit(3)"], stdout: "piped" });
const out = await child.output();
console.log("child", out.code, new TextDecoder().decode(out.stdout).trim());

const w = new Worker(new URL("data:text/javascript,self.onmessage=(e)=>{self.postMessage(e.data*2);self.close()}"), { type: "module" });
console.log("worker", await new Promise((r) => { w.onmessage = (e) => r(e.data); w.postMessage(21); }));
console.log("race", await Promise.race([
  new Promise((r) => setTimeout(() => r("slow"), 300)),
  new Promise((r) => setTimeout(() => r("fast"), 10)),
]));
await Deno.remove(`${dir}/sub`, { recursive: true });
console.log("done");
