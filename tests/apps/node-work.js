// tests/apps/node-work.js — what tests/apps/node.sh runs under both Node.js
// builds (Windows under wlx, Linux natively): each step prints facts that
// must come out the same on both (no paths, platform names or timings).
'use strict';
const fs = require('fs'), path = require('path'), crypto = require('crypto'), zlib = require('zlib');
const cp = require('child_process'), http = require('http'), net = require('net');
const { Worker } = require('worker_threads');
const out = (...a) => console.log(...a);
const dir = process.argv[2];

// files and folders
fs.mkdirSync(path.join(dir, 'a', 'b c', 'd'), { recursive: true });
for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, 'a', 'b c', `f${i}.txt`), 'x'.repeat(i * 100));
fs.writeFileSync(path.join(dir, 'a', 'ünï cødé.txt'), 'ü');
fs.renameSync(path.join(dir, 'a', 'b c', 'f0.txt'), path.join(dir, 'a', 'renamed.txt'));
fs.unlinkSync(path.join(dir, 'a', 'b c', 'f1.txt'));
const sizes = fs.readdirSync(path.join(dir, 'a', 'b c')).sort().map(n => {
  const st = fs.statSync(path.join(dir, 'a', 'b c', n));
  return `${n}:${st.isDirectory() ? 'dir' : st.size}`;
});
out('files', sizes.length, sizes.slice(0, 6).join(' '), fs.readdirSync(path.join(dir, 'a')).sort().join('|'));
out('exists', fs.existsSync(path.join(dir, 'a', 'b c', 'f1.txt')), fs.readFileSync(path.join(dir, 'a', 'ünï cødé.txt'), 'utf8'));

// crypto and compression (deterministic inputs, so deterministic outputs)
const data = Buffer.from('The quick brown fox jumps over the lazy dog'.repeat(100));
out('sha256', crypto.createHash('sha256').update(data).digest('hex'));
out('md5', crypto.createHash('md5').update(data).digest('base64'));
out('hmac', crypto.createHmac('sha512', 'key').update(data).digest('hex').slice(0, 32));
const key = crypto.scryptSync('password', 'salt', 32), iv = Buffer.alloc(16, 7);
const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
const enc = Buffer.concat([cipher.update(data), cipher.final()]);
const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
out('aes', crypto.createHash('sha1').update(enc).digest('hex'), Buffer.concat([decipher.update(enc), decipher.final()]).equals(data));
out('random', crypto.randomBytes(32).length, crypto.randomUUID().length);
const gz = zlib.gzipSync(data, { level: 9 });
out('gzip', gz.length, zlib.gunzipSync(gz).equals(data), zlib.deflateSync(data).toString('base64').slice(0, 40));

// computation
let primes = 0;
for (let n = 2; n < 200000; n++) { let p = true; for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; } if (p) primes++; }
out('primes', primes, JSON.stringify(JSON.parse(JSON.stringify({ a: [1, 2, { b: 'c' }], d: null }))));

// processes: exit codes and pipes both ways
const r = cp.spawnSync(process.execPath, ['-e', 'process.stdout.write(String(6*7)); process.exit(3)']);
out('spawnSync', r.status, String(r.stdout));
const steps = [];
const echo = cp.spawn(process.execPath, ['-e', 'process.stdin.on("data", d => process.stdout.write(String(d).toUpperCase()))']);
let echoed = '';
echo.stdout.on('data', d => echoed += d);
echo.on('close', code => { steps.push(`echo ${JSON.stringify(echoed)} ${code}`); done(); });
echo.stdin.end('through two pipes');

// sockets: an HTTP round trip and a TCP echo on the loopback
const srv = http.createServer((req, res) => { res.setHeader('x-test', 'yes'); res.end(`pong ${req.method} ${req.url}`); });
srv.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: srv.address().port, path: '/q?x=1' }, res => {
    let body = ''; res.on('data', c => body += c);
    res.on('end', () => { steps.push(`http ${res.statusCode} ${res.headers['x-test']} ${body}`); srv.close(); done(); });
  });
});
const tcp = net.createServer(s => s.pipe(s)).listen(0, '127.0.0.1', () => {
  const c = net.connect(tcp.address().port, '127.0.0.1', () => c.end('tcp echo'));
  let got = ''; c.on('data', d => got += d);
  c.on('close', () => { steps.push(`tcp ${got}`); tcp.close(); done(); });
});

// a worker thread
const w = new Worker('const { parentPort, workerData } = require("worker_threads"); parentPort.postMessage(workerData * 2);',
                     { eval: true, workerData: 21 });
w.on('message', m => { steps.push(`worker ${m}`); });
w.on('exit', code => { steps.push(`worker exit ${code}`); done(); });

// timers and promises, in order
setTimeout(() => { steps.push('timeout'); done(); }, 20);
Promise.resolve().then(() => steps.push('microtask'));

let pending = 5;
function done() { if (--pending === 0) out(steps.sort().join('; ')); }
