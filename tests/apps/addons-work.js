// tests/apps/addons-work.js MODE DIR — what tests/apps/addons.sh runs with
// the Windows node under wlx and with the Linux node: native addons that
// bring their own DLLs or heavy C++/Rust code. Prints facts about the
// results (hashes, sizes, query answers); both sides must print the same.
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const [mode, dir] = process.argv.slice(2);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

async function resvg() {
  const { Resvg } = require('@resvg/resvg-js');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">
<rect x="5" y="5" width="110" height="70" rx="10" fill="#3a7" stroke="#123" stroke-width="3"/>
<circle cx="60" cy="40" r="25" fill="rgba(200,50,50,0.7)"/>
<path d="M10 70 Q 60 0 110 70" fill="none" stroke="blue" stroke-width="2"/></svg>`;
  const r = new Resvg(svg, { fitTo: { mode: 'width', value: 240 } });
  const img = r.render();
  console.log('size', img.width, img.height);
  console.log('png', sha(img.asPng()), 'pixels', sha(img.pixels));
  try { new Resvg('<svg'); } catch (e) { console.log('error:', String(e.message || e).slice(0, 40)); }
}

// Skia through @napi-rs/canvas: shapes, a gradient, pixels read back
async function canvas() {
  const { createCanvas } = require('@napi-rs/canvas');
  const c = createCanvas(200, 120), g = c.getContext('2d');
  g.fillStyle = '#2a6'; g.fillRect(0, 0, 200, 120);
  g.fillStyle = 'rgba(220,40,40,0.8)'; g.beginPath(); g.arc(100, 60, 40, 0, Math.PI * 2); g.fill();
  g.strokeStyle = '#00f'; g.lineWidth = 3; g.beginPath(); g.moveTo(10, 110); g.bezierCurveTo(50, 0, 150, 0, 190, 110); g.stroke();
  const grad = g.createLinearGradient(0, 0, 200, 0); grad.addColorStop(0, 'black'); grad.addColorStop(1, 'white');
  g.fillStyle = grad; g.fillRect(0, 0, 200, 10);
  console.log('pixels', sha(g.getImageData(0, 0, 200, 120).data));
  const png = c.toBuffer('image/png');
  console.log('png', png.length > 100);
}

// DuckDB: its duckdb.dll beside its .node, threads, a database file,
// Parquet written and read back, SQL errors (C++ exceptions in duckdb.dll)
async function duckdb() {
  const d = require('@duckdb/node-bindings');
  const db = await d.open(path.join(dir, 'test.duckdb'));
  const c = await d.connect(db);
  const q = (s) => d.query(c, s);
  const out = (f) => path.join(dir, f).replace(/\\/g, '/');
  await q(`CREATE TABLE t AS SELECT range AS i, range * range AS sq, md5(range::VARCHAR) AS h FROM range(200000)`);
  await q(`COPY (SELECT count(*), sum(sq), min(h), max(h) FROM t) TO '${out('agg.csv')}' (HEADER)`);
  await q(`COPY (SELECT i % 7 AS k, count(*) AS n, avg(i) AS a FROM t GROUP BY k ORDER BY k) TO '${out('g.csv')}' (HEADER)`);
  await q(`COPY t TO '${out('t.parquet')}' (FORMAT parquet)`);
  await q(`COPY (SELECT count(*), sum(i) FROM read_parquet('${out('t.parquet')}')) TO '${out('p.csv')}'`);
  // each failing statement is a C++ exception thrown inside duckdb.dll,
  // caught there and turned into a JavaScript error
  await q('CREATE TABLE k (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, v DOUBLE CHECK (v >= 0))');
  await q("INSERT INTO k VALUES (1, 'a', 1.5), (2, 'b', 2.5)");
  for (const bad of ['SELECT * FROM no_such_table', "INSERT INTO k VALUES (1, 'dup', 3)",
    "INSERT INTO k VALUES (3, NULL, 3)", "INSERT INTO k VALUES (4, 'neg', -1)", 'SELEC 1',
    "SELECT 'abc'::INTEGER", 'SELECT 9223372036854775807::BIGINT + 1',
    "SELECT json_extract('{bad', '$.a')", "SELECT * FROM read_csv('no/such/file.csv')"]) {
    try { await q(bad); console.log('no error:', bad); } catch (e) { console.log('error:', String(e.message).split('\n')[0]); }
  }
  // many throws in a row, then the connection still answers
  let thrown = 0;
  for (let i = 0; i < 300; i++) { try { await q(`SELECT x${i} FROM k`); } catch (e) { thrown++; } }
  console.log('thrown', thrown);
  await q(`COPY (SELECT count(*), sum(id) FROM k) TO '${out('k.csv')}'`);
  d.close_sync(db);
  for (const f of ['agg.csv', 'g.csv', 'p.csv', 'k.csv']) console.log(f, fs.readFileSync(path.join(dir, f), 'utf8').trim());
}

// sharp: libvips' DLLs beside its .node; encoders and decoders
async function sharp() {
  const s = require('sharp');
  console.log('vips', s.versions.vips);
  const png = await s({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer();
  const meta = await s(png).metadata();
  console.log('meta', meta.width, meta.height, meta.channels, meta.format);
  console.log('raw', sha(await s(png).resize(16, 12).raw().toBuffer()));
  await s(png).rotate(90).webp().toFile(path.join(dir, 'out.webp'));
  const m2 = await s(path.join(dir, 'out.webp')).metadata();
  console.log('webp', m2.width, m2.height, m2.format);
  console.log('stats', (await s(png).stats()).channels.map((c) => c.mean).join(','));
  try { await s(Buffer.from('not an image')).metadata(); } catch (e) { console.log('error:', e.message); }
}

({ resvg, canvas, duckdb, sharp })[mode]().catch((e) => { console.log('failed:', e && e.message); process.exit(1); });
