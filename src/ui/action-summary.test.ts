import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionSummary } from './action-summary.js';

test('one result is shown as it is; all done says so; refusals are each named', () => {
  assert.equal(actionSummary(['sent SIGTERM to a (1)'], 'x'), 'sent SIGTERM to a (1)');
  assert.equal(actionSummary(['sent', 'sent'], 'sent SIGTERM to 2 processes'), 'sent SIGTERM to 2 processes');
  assert.equal(actionSummary(['sent', 'not sent: b (2) has exited', 'sent'], 'x'), '2 of 3 done; not sent: b (2) has exited');
});
