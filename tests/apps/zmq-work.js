// tests/apps/zmq-work.js MODE DIR — what tests/apps/zeromq.sh runs in both
// nodes: libzmq (zeromq.js 6.8, its C++ addon) passing messages; stdout
// compared. libzmq's Windows build polls with wepoll (\Device\Afd and a
// keyed event) and signals its threads over AF_UNIX socket pairs.
const zmq = require('zeromq');

async function main() {
  // request/reply over TCP on the loopback, an ephemeral port
  const rep = new zmq.Reply();
  await rep.bind('tcp://127.0.0.1:*');
  const req = new zmq.Request();
  req.connect(rep.lastEndpoint);
  (async () => { for await (const [m] of rep) await rep.send('echo:' + m.toString()); })();
  for (let i = 0; i < 5; i++) {
    await req.send('hello ' + i);
    const [r] = await req.receive();
    console.log(r.toString());
  }
  // a large message and a multipart one
  await req.send(Buffer.alloc(1 << 20, 7));
  const [big] = await req.receive();
  console.log('big', big.length, big.toString().slice(0, 5));

  // push/pull over inproc with a worker pool
  const push = new zmq.Push(); await push.bind('inproc://work');
  const pulls = [new zmq.Pull(), new zmq.Pull()];
  for (const p of pulls) p.connect('inproc://work');
  const got = [];
  const drain = pulls.map(async (p) => { for await (const [m] of p) { got.push(Number(m.toString())); if (got.length === 100) break; } });
  for (let i = 0; i < 100; i++) await push.send(String(i));
  await Promise.race(drain);
  console.log('pushed', got.length, got.reduce((a, b) => a + b, 0));

  // publish/subscribe with a topic filter
  const pub = new zmq.Publisher(); await pub.bind('inproc://news');
  const sub = new zmq.Subscriber(); sub.connect('inproc://news'); sub.subscribe('keep');
  await new Promise((r) => setTimeout(r, 100));
  await pub.send(['drop', 'no']);
  await pub.send(['keep', 'yes']);
  const [topic, body] = await sub.receive();
  console.log('sub', topic.toString(), body.toString());

  // a socket option and an error
  console.log('linger', req.linger, 'version', zmq.version);
  try { new zmq.Request().connect('nonsense://x'); } catch (e) { console.log('error', e.code); }
  for (const s of [req, rep, push, pub, sub, ...pulls]) s.close();
  process.exit(0);
}
main().catch((e) => { console.log('failed:', e && e.stack); process.exit(1); });
