import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { SampleStream } from './sample-stream.js';
import { Store } from './store.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('each published sample reaches every consumer once, in the order they subscribed', () => {
  const stream = new SampleStream((error) => { throw error; });
  const store = new Store();
  const heard: string[] = [];
  stream.subscribe((sample) => { store.push(sample); heard.push('store'); });
  stream.subscribe((sample) => { heard.push(store.latest === sample ? 'screen after store' : 'screen before store'); });
  const sample = new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample();
  stream.publish(sample);
  assert.deepEqual(heard, ['store', 'screen after store']);
  assert.equal(stream.latest, sample);
});

test('a consumer that throws is reported and the others still get the sample', () => {
  const errors: unknown[] = [];
  const stream = new SampleStream((error) => errors.push(error));
  let got = 0;
  stream.subscribe(() => { throw new Error('disk full'); });
  stream.subscribe(() => { got++; });
  stream.publish(new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample());
  assert.equal(got, 1);
  assert.equal((errors[0] as Error).message, 'disk full');
});

test('an unsubscribed consumer hears nothing more', () => {
  const stream = new SampleStream((error) => { throw error; });
  const sampler = new Sampler({ procfs: new ProcFs(fixture), exact: true });
  let got = 0;
  const stop = stream.subscribe(() => { got++; });
  stream.publish(sampler.sample());
  stop();
  stream.publish(sampler.sample());
  assert.equal(got, 1);
  assert.equal(stream.latest === null, false);
});
