// tests/apps/napi-work.js MODE [DIR] — what tests/apps/napi.sh runs through
// each native addon, under the Windows node (wlx) and the Linux node: the
// outputs must be the same. MODE: swc, css, watch DIR, oxide DIR.
'use strict';
const mode = process.argv[2];

function swc() {
  const swc = require('@swc/core');
  const src = `
  import React from 'react';
  interface Props { name: string; count?: number }
  enum Color { Red, Green = 4, Blue }
  export const Hello = ({ name, count = 1 }: Props): JSX.Element =>
    <div className="hi" data-n={count}>Hello, {name}! {Color.Green}</div>;
  export async function* gen<T>(xs: T[]) { for (const x of xs) yield await x; }
  class A { #p = 1; static s?: number; get p() { return this.#p ?? 0; } }
  `;
  const t = swc.transformSync(src, {
    filename: 'hello.tsx',
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2015' },
    module: { type: 'commonjs' },
  });
  console.log(t.code);
  const m = swc.minifySync('function add(first, second) { const unused = 3; return first + second; }\nconsole.log(add(1, 2), "a" + "b");', { compress: true, mangle: true });
  console.log(m.code);
  // a source map, and a file read by the addon
  const sm = swc.transformSync('const a: number = 1;\nexport default a;', { filename: 'a.ts', sourceMaps: true,
    jsc: { parser: { syntax: 'typescript' } } });
  console.log(sm.code, JSON.parse(sm.map).mappings);
  const fs = require('fs'), os = require('os'), path = require('path');
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'napi-swc-')), 'file.ts');
  fs.writeFileSync(f, 'export const sq = (n: number): number => n * n;\n');
  console.log(swc.transformFileSync(f, { jsc: { parser: { syntax: 'typescript' } } }).code);
  fs.rmSync(path.dirname(f), { recursive: true });
  const ast = swc.parseSync('let x: number = 1 + 2;', { syntax: 'typescript' });
  console.log(ast.type, ast.body.length, ast.body[0].type);
  swc.transform('const f = (a?: string) => a?.length;', { jsc: { parser: { syntax: 'typescript' }, target: 'es5' } })
    .then(r => console.log(r.code), e => { console.log('async error', e); process.exitCode = 1; });
  try { swc.transformSync('let = ;', { jsc: { parser: { syntax: 'ecmascript' } } }); } catch (e) { console.log('syntax error reported:', typeof e === 'object' || typeof e === 'string'); }
}

function css() {
  const { transform, bundle } = require('lightningcss');
  const css = Buffer.from(`
  .foo { color: rgba(255, 0, 0, 1); margin: 0px 0px 0px 0px; }
  .bar { display: flex; user-select: none; background: linear-gradient(to right, #fff, #000); }
  .a { & .b { color: lab(50% 40 59.5); } }
  @media (min-width: 768px) and (max-width: 1024px) { .c { transition: all 0.2s ease-in-out; } }
  `);
  const r = transform({ filename: 'style.css', code: css, minify: true, sourceMap: false,
    targets: { chrome: 80 << 16, safari: 13 << 16 } });
  console.log(r.code.toString());
  const r2 = transform({ filename: 'b.css', code: Buffer.from('.x{color:red;;} .y { width: calc(100px + 2em) }'), minify: false });
  console.log(r2.code.toString());
  try { transform({ filename: 'bad.css', code: Buffer.from('@media (min-width: ) { .a {} }') }); console.log('no error'); }
  catch (e) { console.log('error:', e.message, JSON.stringify(e.loc)); }
  // bundle: the addon reads the files itself, @import and all
  const os = require('os'), fs = require('fs'), path = require('path');
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'napi-css-'));
  fs.writeFileSync(path.join(d, 'main.css'), '@import "./part.css";\n.main { color: green; }\n');
  fs.writeFileSync(path.join(d, 'part.css'), '.part { padding: 1px 2px 1px 2px; }\n');
  const b = bundle({ filename: path.join(d, 'main.css'), minify: true });
  console.log('bundle:', b.code.toString());
  try { bundle({ filename: path.join(d, 'missing.css') }); console.log('no error'); }
  catch (e) { console.log('missing file reported:', !!e.message); }
  fs.rmSync(d, { recursive: true });
  const r3 = transform({ filename: 'c.css', code: Buffer.from('.a { color: blue } .b { color: blue } @import "x.css";'), minify: true, errorRecovery: true });
  console.log(r3.code.toString(), r3.warnings.map(w => w.message + ' ' + JSON.stringify(w.loc)));
}

function watch() {
  // @parcel/watcher: a subscription sees files made, changed, renamed and
  // removed; each step waits (bounded) for its events, then prints the set of
  // "type name" it saw (sorted, batching and duplicates aside)
  const watcher = require('@parcel/watcher');
  const fs = require('fs'), path = require('path');
  const dir = fs.realpathSync(process.argv[3]);
  let seen = [];
  const rel = p => path.relative(dir, p).split(path.sep).join('/');
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  async function step(name, act, want) {
    seen = [];
    act();
    const t0 = Date.now();
    while (Date.now() - t0 < 10000 && !want.every(w => seen.includes(w))) await sleep(20);
    await sleep(300);           // late events of the same step
    // a write right after a creation may come as its own batch: that is still the creation
    const set = [...new Set(seen)].filter(e => !(e.startsWith('update ') && seen.includes('create ' + e.slice(7)))).sort();
    console.log(name + ': ' + set.join(', '));
  }
  (async () => {
    const sub = await watcher.subscribe(dir, (err, events) => {
      if (err) { console.log('error', err.message); return; }
      for (const e of events) seen.push(e.type + ' ' + rel(e.path));
    });
    await sleep(200);
    await step('create file', () => fs.writeFileSync(path.join(dir, 'a.txt'), 'one'), ['create a.txt']);
    await step('modify file', () => fs.appendFileSync(path.join(dir, 'a.txt'), 'two'), ['update a.txt']);
    await step('make folder', () => fs.mkdirSync(path.join(dir, 'sub')), ['create sub']);
    await step('file in folder', () => fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'b'), ['create sub/b.txt']);
    await step('rename file', () => fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'c.txt')), ['delete a.txt', 'create c.txt']);
    await step('delete file', () => fs.unlinkSync(path.join(dir, 'c.txt')), ['delete c.txt']);
    await step('delete in folder', () => fs.unlinkSync(path.join(dir, 'sub', 'b.txt')), ['delete sub/b.txt']);
    // a burst: 300 files made at once, in a new folder and beside it
    const burst = () => { fs.mkdirSync(path.join(dir, 'many'));
      for (let i = 0; i < 150; i++) { fs.writeFileSync(path.join(dir, 'many', 'f' + i), '' + i); fs.writeFileSync(path.join(dir, 'g' + i), '' + i); } };
    const names = [];
    for (let i = 0; i < 150; i++) names.push('create many/f' + i, 'create g' + i);
    seen = [];
    burst();
    const t0 = Date.now();
    while (Date.now() - t0 < 10000 && !names.every(w => seen.includes(w))) await sleep(20);
    await sleep(300);
    console.log('burst: ' + names.filter(w => seen.includes(w)).length + ' of 300 creations seen, ' +
      seen.filter(w => !w.startsWith('create ') && !seen.includes('create ' + w.slice(7))).length + ' other events');
    seen = [];
    fs.rmSync(path.join(dir, 'many'), { recursive: true });
    for (let i = 0; i < 150; i++) fs.unlinkSync(path.join(dir, 'g' + i));
    const gone = names.map(w => 'delete ' + w.slice(7)).filter(w => !w.startsWith('delete many/')).concat(['delete many']);
    const t1 = Date.now();
    while (Date.now() - t1 < 10000 && !gone.every(w => seen.includes(w))) await sleep(20);
    await sleep(300);
    console.log('burst removed: ' + gone.filter(w => seen.includes(w)).length + ' of 151 deletions seen (the folder and 150 files beside it)');
    await step('remove folder', () => fs.rmdirSync(path.join(dir, 'sub')), ['delete sub']);
    await sub.unsubscribe();
  // a snapshot, changes, and the events since
  const snap = path.join(path.dirname(dir), path.basename(dir) + '.snapshot');
  fs.writeFileSync(path.join(dir, 'keep.txt'), 'k');
  fs.writeFileSync(path.join(dir, 'gone.txt'), 'g');
  await watcher.writeSnapshot(dir, snap);
  fs.unlinkSync(path.join(dir, 'gone.txt'));
  fs.writeFileSync(path.join(dir, 'new.txt'), 'n');
  const since = await watcher.getEventsSince(dir, snap);
  console.log('events since the snapshot: ' + since.map(e => e.type + ' ' + rel(e.path)).sort().join(', '));
  fs.unlinkSync(snap);
  fs.unlinkSync(path.join(dir, 'keep.txt'));
  fs.unlinkSync(path.join(dir, 'new.txt'));
    await step('after unsubscribe', () => fs.writeFileSync(path.join(dir, 'd.txt'), 'd'), []);
    const ign = await watcher.subscribe(dir, (err, events) => { for (const e of events) seen.push(e.type + ' ' + rel(e.path)); }, { ignore: ['*.log'] });
    await sleep(200);
    await step('ignore option', () => { fs.writeFileSync(path.join(dir, 'x.log'), 'x'); fs.writeFileSync(path.join(dir, 'y.md'), 'y'); }, ['create y.md']);
    await ign.unsubscribe();
    console.log('done');
  })().catch(e => { console.log('failed:', e && e.message); process.exit(1); });
}

function oxide() {
  // @tailwindcss/oxide: scan a folder's files for class candidates
  const { Scanner } = require('@tailwindcss/oxide');
  const fs = require('fs'), path = require('path');
  const dir = fs.realpathSync(process.argv[3]);
  fs.mkdirSync(path.join(dir, 'src', 'components'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<div class="flex items-center p-4 md:p-8 hover:bg-blue-500">x</div>\n');
  fs.writeFileSync(path.join(dir, 'src', 'app.jsx'), 'export const A = () => <p className="text-lg font-bold text-[#123456] lg:grid-cols-3">a</p>;\n');
  fs.writeFileSync(path.join(dir, 'src', 'components', 'b.vue'), '<template><span :class="[\'rounded-xl\', ok ? \'opacity-50\' : \'w-1/2\']"/></template>\n');
  fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'skip.html'), '<div class="should-not-be-scanned"></div>\n');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
  fs.mkdirSync(path.join(dir, 'ignored'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ignored', 'i.html'), '<div class="gitignored-class"></div>\n');
  const s = new Scanner({ sources: [{ base: dir, pattern: '**/*', negated: false }] });
  const c = s.scan();
  const want = ['flex', 'items-center', 'p-4', 'md:p-8', 'hover:bg-blue-500', 'text-lg', 'font-bold', 'text-[#123456]', 'lg:grid-cols-3', 'rounded-xl', 'opacity-50', 'w-1/2'];
  console.log('expected candidates found:', want.filter(w => c.includes(w)).join(' '));
  console.log('missing:', want.filter(w => !c.includes(w)).join(' ') || 'none');
  console.log('node_modules skipped:', !c.includes('should-not-be-scanned'), 'gitignored skipped:', !c.includes('gitignored-class'));
  console.log('files:', s.files.map(f => path.relative(dir, f).split(path.sep).join('/')).sort().join(' '));
  console.log('globs:', JSON.stringify(s.globs.map(g => ({ base: path.relative(dir, g.base).split(path.sep).join('/'), pattern: g.pattern }))));
  const more = s.scanFiles([{ content: '<b class="underline tracking-wide">', extension: 'html' }]);
  console.log('scanFiles:', more.sort().join(' '));
  const pos = s.getCandidatesWithPositions({ content: '<i class="ml-2 mr-3">', extension: 'html' });
  console.log('positions:', pos.filter(p => /^m[lr]-/.test(p.candidate)).map(p => p.candidate + '@' + p.position).join(' '));
}

const modes = { swc, css, watch, oxide };
if (!modes[mode]) { console.error('usage: napi-work.js swc|css|watch DIR|oxide DIR'); process.exit(2); }
modes[mode]();
