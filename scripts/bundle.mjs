// Bundles the compiled CLI (dist/src, from tsc) into dist/bin: memtop.js (the `memtop` command)
// and the entry points of its two worker threads, with the code they share split into chunks.
//
// Why: Node 20 loads ES modules one by one (resolve, read, compile, link), ~0.4 ms each on this
// machine; `memtop snapshot` loads ~80 of them, the UI ~110. A handful of chunks instead saves
// ~20 ms at every start (bench/RESULTS.md). Dynamic imports stay dynamic (each command still loads
// only what it runs; the UI's blessed never loads for a report), and every output file sits in one
// directory, so `new URL('./sampler-worker.js', import.meta.url)` finds the worker from the bundle
// as it does from dist/src. blessed and blessed-contrib stay in node_modules: blessed requires its
// widgets by computed names, which no bundler can follow. Not minified: stack traces
// (MEMTOP_DEBUG=1, crash logs) keep memtop's function names.
import { build } from 'esbuild';

await build({
  entryPoints: {
    memtop: 'dist/src/cli/main.js',
    'sampler-worker': 'dist/src/sampler/sampler-worker.js',
    'share-thread': 'dist/src/sampler/share-thread.js',
  },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['blessed', 'blessed-contrib', 'blessed-contrib/*'],
  // commander is CommonJS: inside an ES module bundle its require() calls need a real require.
  banner: { js: "import { createRequire as memtopCreateRequire } from 'node:module'; const require = memtopCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
