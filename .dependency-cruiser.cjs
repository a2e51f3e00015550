/**
 * The layer rules of DESIGN.md, checked by test/layers.test.ts (so `npm test` fails on a
 * violation); by hand: `npm run -s layers`.
 *
 * It cruises two trees: src/ (the TypeScript, parsed by swc, where a type-only import counts
 * as an import) and dist/src/ (what tsc emitted, where type-only imports are gone), because
 * dependency-cruiser tells type-only imports apart only through the TypeScript compiler API,
 * which TypeScript 7 no longer ships. So "model imports sampler/proc only for types" is
 * checked on dist/src/model, and every other rule on src/. Tests (*.test.*) may import any
 * layer and are left out.
 */
const layer = (name) => `^src/${name}/`;

/** One allowed violation: this rule, this importing file, this imported file. */
const known = (rule, from, to) => ({ type: 'dependency', rule: { name: rule, severity: 'error' }, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'proc-imports-nothing-of-ours',
      comment: 'src/proc holds pure parsers and the one reader of /proc: it imports no other layer.',
      severity: 'error',
      from: { path: layer('proc') },
      to: { path: '^src/', pathNot: layer('proc') },
    },
    {
      name: 'sampler-imports-only-proc',
      comment: 'src/sampler builds on src/proc alone (types that cross to the model live in the sampler).',
      severity: 'error',
      from: { path: layer('sampler') },
      to: { path: '^src/', pathNot: '^src/(sampler|proc)/' },
    },
    {
      name: 'sampler-core-never-threading',
      comment: 'The sampler core (src/sampler/*.ts: one call, one sample) runs on any thread; the worker plumbing (src/sampler/worker/) builds on it, never the reverse.',
      severity: 'error',
      from: { path: '^src/sampler/[^/]+$' },
      to: { path: '^src/sampler/worker/' },
    },
    {
      name: 'model-imports-only-data-below',
      comment: 'src/model imports the sampler and proc (for their types) and nothing above it.',
      severity: 'error',
      from: { path: layer('model') },
      to: { path: '^src/', pathNot: '^src/(model|sampler|proc)/' },
    },
    {
      name: 'model-imports-sampler-proc-types-only',
      comment: 'src/model takes only data from sampler/proc: the emitted JS imports neither, except the compact smaps table, a data layout whose accessors travel with it.',
      severity: 'error',
      from: { path: '^dist/src/model/' },
      to: { path: '^dist/src/(sampler|proc)/', pathNot: '^dist/src/proc/smaps-table[.]js$' },
    },
    {
      name: 'ui-cli-never-proc',
      comment: 'The UI and the CLI are handed services; they never run /proc code themselves (its data types they may name: checked on the emitted JS).',
      severity: 'error',
      from: { path: '^dist/src/(ui|cli)/' },
      to: { path: '^dist/src/proc/' },
    },
    {
      name: 'ui-cli-never-fs',
      comment: 'The UI and the CLI read no files themselves (node:fs resolves to fs).',
      severity: 'error',
      from: { path: '^src/(ui|cli)/' },
      to: { dependencyTypes: ['core'], path: '^fs(/promises)?$' },
    },
    {
      name: 'blessed-only-in-ui',
      comment: 'Only src/ui imports blessed; the CLI reaches it only by loading the UI.',
      severity: 'error',
      from: { path: '^src/', pathNot: layer('ui') },
      to: { path: '(^|/)node_modules/blessed(-contrib)?/|^blessed(-contrib)?($|/)' },
    },
    {
      name: 'services-below-ui-cli',
      comment: 'src/host (services handed to the UI and CLI: files, signals, the proc root), src/config (the saved setup), src/terminal (the terminal and job control) and src/record (recording files) never import the UI or the CLI.',
      severity: 'error',
      from: { path: '^src/(host|terminal|config|record)/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'views-never-sampler',
      comment: 'Views pull from the store; they never run sampler code (its data types they may name: checked on the emitted JS).',
      severity: 'error',
      from: { path: '^dist/src/ui/views/' },
      to: { path: '^dist/src/sampler/' },
    },
  ],
  options: {
    parser: 'swc',
    exclude: { path: '\\.test\\.[jt]s$' },
    doNotFollow: { path: 'node_modules' },
    /*
     * Known violations: none. An import that breaks a rule fails the check unless it is named
     * here ({ rule, from, to }, see `known`), and test/layers.test.ts also fails on an entry
     * whose import is gone, so the list can only hold what is still true.
     */
    knownViolations: [],
  },
};
