// Bundles the compiled CLI (dist/src, from tsc) into dist/bin: memtop.js (the `memtop` command)
// and the entry points of its worker threads (sampler, libraries), each one CommonJS file.
//
// One CommonJS file per entry starts faster than many ES modules (Node 20 loads ES modules one at a
// time, through its asynchronous loader); the figures are in bench/RESULTS.md. Dynamic imports stay
// lazy (a report never runs the UI's modules), and each output file is self-contained.
// The sources stay ES modules (dist/src, which the tests import): `import.meta.url` becomes each
// bundle's own file URL (the banner), so `new URL('./sampler-worker.js', import.meta.url)` finds the
// worker beside the bundle; dist/bin/package.json marks the `.js` files there as CommonJS. blessed
// and blessed-contrib stay in node_modules (blessed requires its widgets by computed names). Not
// minified, so stack traces keep memtop's function names.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

await build({
  entryPoints: {
    memtop: 'dist/src/cli/main.js',
    'sampler-worker': 'dist/src/sampler/worker/sampler-worker.js',
    'libraries-worker': 'dist/src/sampler/worker/libraries-worker.js',
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
