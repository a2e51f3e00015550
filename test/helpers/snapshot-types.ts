/**
 * The JSON shapes of memtop's reports, as the end-to-end tests read them: the model's own types
 * (one definition), with the aggregate rows narrowed to the fields the tests read. That the
 * output really has these fields, and no others, is checked at run time by cli-json-schema.test.ts.
 */
export type { ProcessJson, SnapshotJson } from '../../src/model/snapshot-json.js';
export type { MappingJson, MappingsJson as MapsJson } from '../../src/model/mappings-json.js';
export type { SystemJson } from '../../src/model/system-json.js';
