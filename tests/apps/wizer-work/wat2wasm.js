// tests/apps/wizer-work/wat2wasm.js WABT IN.wat OUT.wasm — the WebAssembly
// text IN assembled to OUT by npm's wabt (its own WebAssembly build), run
// by the native node: tests/apps/wizer.sh's inputs
const fs = require('fs');
require(process.argv[2])().then(wabt => {
  const mod = wabt.parseWat(process.argv[3], fs.readFileSync(process.argv[3], 'utf8'));
  fs.writeFileSync(process.argv[4], Buffer.from(mod.toBinary({}).buffer));
});
