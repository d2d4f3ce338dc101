// tests/apps/kv-work.js MODE DIR — what tests/apps/kvstores.sh runs in both
// nodes: embedded key-value stores through their native addons, each on a
// database in DIR, printing what it reads back (identical stdout expected).
const path = require('path');
const [mode, dir] = process.argv.slice(2);

// lmdb: a memory-mapped file that grows as it is written (on Windows a
// view larger than its file), a lock file, transactions, ranges, a
// duplicate-sorted sub-database, msgpackr's native extractor
async function lmdb() {
  const { open } = require('lmdb');
  const db = open({ path: path.join(dir, 'lmdb'), compression: true });
  for (let i = 0; i < 5000; i++) db.put('key' + String(i).padStart(5, '0'), { i, text: 'x'.repeat(i % 300), at: [i, i / 2] });
  await db.flushed;
  console.log('get', JSON.stringify(db.get('key04321')).length, db.get('key00042').i);
  let n = 0, sum = 0;
  for (const { value } of db.getRange({ start: 'key01000', end: 'key02000' })) { n++; sum += value.i; }
  console.log('range', n, sum);
  await db.transaction(() => { db.put('t', 1); db.remove('key00000'); });
  console.log('txn', db.get('t'), db.get('key00000'));
  console.log('ifVersion', await db.ifNoExists('t', () => db.put('t', 2)), db.get('t'));
  const sub = db.openDB('sub', { dupSort: true });
  for (const v of [3, 1, 2]) await sub.put('a', v);
  console.log('dups', [...sub.getValues('a')].join(','), sub.getValuesCount('a'));
  console.log('count', db.getCount(), db.getStats().entryCount);
  await db.close();
  const again = open({ path: path.join(dir, 'lmdb'), compression: true, readOnly: true });
  console.log('reopened', again.get('key04999').i, again.get('key04999').text.length);
  await again.close();
}

// classic-level: LevelDB (C++): its log and table files, a lock file a
// second open is refused by, batches, iterators both ways, compaction
async function level() {
  const { ClassicLevel } = require('classic-level');
  const db = new ClassicLevel(path.join(dir, 'level'), { valueEncoding: 'json' });
  await db.open();
  const batch = [];
  for (let i = 0; i < 20000; i++) batch.push({ type: 'put', key: 'k' + String(i).padStart(6, '0'), value: { i, sq: i * i } });
  await db.batch(batch);
  await db.del('k000005');
  console.log('get', JSON.stringify(await db.get('k012345')), JSON.stringify(await db.get('k000005')));
  let n = 0, sum = 0;
  for await (const [, v] of db.iterator({ gte: 'k001000', lt: 'k002000' })) { n++; sum += v.i; }
  console.log('range', n, sum);
  for await (const k of db.keys({ reverse: true, limit: 3 })) console.log('reverse', k);
  await db.close();
  const db2 = new ClassicLevel(path.join(dir, 'level'), { valueEncoding: 'json' });
  await db2.open();
  console.log('reopened', JSON.stringify(await db2.get('k019999')));
  try { await new ClassicLevel(path.join(dir, 'level')).open(); console.log('second open: no error'); }
  catch (e) { console.log('second open:', e.code, e.cause && e.cause.code); }
  await db2.compactRange('k000000', 'k999999');
  console.log('size', (await db2.approximateSize('k000000', 'k999999')) > 0);
  await db2.close();
}

({ lmdb, level })[mode]().catch((e) => { console.log('failed:', e && e.stack); process.exit(1); });
