// Bundles the compiled CLI (dist/src, from tsc) into dist/bin: memtop.js (the `memtop` command)
// and the entry points of its two worker threads, each one CommonJS file.
//
// Why bundle: Node 20 loads ES modules one by one (resolve, read, compile, link), ~0.4 ms each on
// this machine; `memtop snapshot` would load ~80 of them, the UI ~110.
// Why CommonJS: even a handful of ES module chunks go through Node's ES module loader (asynchronous
// linking, a job per module), which costs every start more than one CommonJS file does: an empty
// `.mjs` starts ~4 ms later than an empty `.cjs` here, and `memtop snapshot --json` at 3,000
// processes took 8–18 ms less as one CommonJS file than as ES module chunks (bench/RESULTS.md).
// Dynamic imports stay lazy (esbuild turns each into a call that runs that module's code on first
// use: a report never runs the UI's modules, nor requires blessed), and each output file is
// self-contained (the two worker files repeat the sampler's code they use).
//
// The sources stay ES modules (dist/src, which the tests import): `import.meta.url` becomes each
// bundle's own file URL (the banner), so `new URL('./sampler-worker.js', import.meta.url)` finds
// the worker beside the bundle, and dist/bin/package.json tells Node that the `.js` files there are
// CommonJS (the project's package.json says "module"). blessed and blessed-contrib stay in
// node_modules: blessed requires its widgets by computed names, which no bundler can follow. Not
// minified: stack traces (MEMTOP_DEBUG=1, crash logs) keep memtop's function names.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

await build({
  entryPoints: {
    memtop: 'dist/src/cli/main.js',
    'sampler-worker': 'dist/src/sampler/sampler-worker.js',
    'share-thread': 'dist/src/sampler/share-thread.js',
  },
  outdir: 'dist/bin',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['blessed', 'blessed-contrib', 'blessed-contrib/*'],
  define: { 'import.meta.url': 'memtopImportMetaUrl' },
  // "use strict" first: after any other statement it would be a plain string, the bundle sloppy.
  banner: { js: "'use strict';\nconst memtopImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
writeFileSync('dist/bin/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
