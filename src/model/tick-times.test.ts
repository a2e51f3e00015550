import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TickTimes } from './tick-times.js';

test('ticks are numbered from 0; dropped and future ticks have no time', () => {
  const ticks = new TickTimes();
  for (let i = 0; i < 200; i++) assert.equal(ticks.push(i * 1000), i);
  ticks.dropBefore(150_000);
  assert.equal(ticks.first, 150);
  assert.equal(ticks.latest, 199);
  assert.equal(ticks.time(150), 150_000);
  assert.equal(ticks.time(199), 199_000);
  assert.ok(Number.isNaN(ticks.time(149)));
  assert.ok(Number.isNaN(ticks.time(200)));
});

test('growing keeps the ticks held, in a window that has wrapped around', () => {
  const ticks = new TickTimes();
  for (let i = 0; i < 100; i++) {
    ticks.push(i);
    ticks.dropBefore(i - 40);
  }
  // Now 41 ticks are held, wrapped in 64 slots; 100 more inside the window force it to grow.
  for (let i = 100; i < 200; i++) ticks.push(i);
  for (let t = ticks.first; t <= ticks.latest; t++) assert.equal(ticks.time(t), t);
  assert.equal(ticks.first, 59);
});
