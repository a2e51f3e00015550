import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { inertJson, MAX_MARKS, visibleText } from './untrusted-text.js';

test('terminal controls become visible, inert text', () => {
  assert.equal(visibleText('evil\x1b[2J\x07name'), 'evil\\x1b[2J\\x07name');
  assert.equal(visibleText('\x1b]0;pwned\x07'), '\\x1b]0;pwned\\x07'); // OSC: set the window title
  assert.equal(visibleText('a\nb\tc\rd'), 'a\\x0ab\\x09c\\x0dd');
  assert.equal(visibleText('\u009b31m'), '\\x9b31m'); // the 8-bit CSI
  assert.equal(visibleText('del\x7f'), 'del\\x7f');
});

test('invisible reordering marks are shown (Trojan Source)', () => {
  assert.equal(visibleText('abc\u202edcba'), 'abc\\u202edcba');
  assert.equal(visibleText('x\u200by'), 'x\\u200by');
});

test('ordinary text, blessed tag braces and non-ASCII letters are left alone', () => {
  for (const text of ['/usr/lib/firefox/firefox -contentproc', '{red-fg}name{/red-fg}', 'café — 日本語']) {
    assert.equal(visibleText(text), text);
  }
  assert.equal(visibleText('a\x1bb'), 'a\\x1bb');
  assert.equal(visibleText('a\x1bb'), 'a\\x1bb', 'no regex state carried between calls');
});

test('inertJson: the same characters as JSON escapes; JSON.parse gives back the exact text', () => {
  const value = { comm: 'x\u009b31m\u202eab\x7f', path: '/tmp/\u2028line \u200b{red-fg}', plain: 'café — 日本語', escaped: 'a\\u009b' };
  const text = inertJson(JSON.stringify(value));
  assert.doesNotMatch(text, /[\u007f-\u009f\u2028\u200b\u202e]/);
  assert.ok(text.includes('\\u009b') && text.includes('\\u202e') && text.includes('\\u2028') && text.includes('\\u007f'));
  assert.deepEqual(JSON.parse(text), value);
  assert.ok(text.includes('café — 日本語'), 'other non-ASCII text stays as it is');
});

test('inertJson keeps indented JSON valid: the indentation\'s newlines stay newlines', () => {
  const value = { comm: 'a\nb\u009b', list: [1, 2] };
  const text = inertJson(JSON.stringify(value, null, 2));
  assert.match(text, /^\{\n  "comm": "a\\nb\\u009b",\n/);
  assert.deepEqual(JSON.parse(text), value);
});

test('invisible and default-ignorable characters are shown: Hangul fillers, soft hyphen, tag characters', () => {
  assert.equal(visibleText('a\u3164b'), 'a\\u3164b');
  assert.equal(visibleText('\u115fx'), '\\u115fx');
  assert.equal(visibleText('pass\u00adwd'), 'pass\\xadwd');
  assert.equal(visibleText('x\u{e0041}\u{e007f}'), 'x\\u{e0041}\\u{e007f}');
  assert.equal(visibleText('❤\ufe0f'), '❤\\ufe0f', 'a variation selector');
  assert.equal(visibleText('👍\u{1f3fd}'), '👍\\u{1f3fd}', 'an emoji modifier');
  assert.equal(visibleText('\u{1f1eb}\u{1f1f7}'), '\\u{1f1eb}\\u{1f1f7}', 'regional indicators');
  assert.equal(visibleText('a\ud800b'), 'a\\ud800b', 'an unpaired surrogate');
});

test('a run of combining marks keeps MAX_MARKS on its character; the rest, and marks with no character, are escaped', () => {
  const hidden = `/usr/sbin/sshd -D${'\u0301'.repeat(100)} --exfiltrate /etc/shadow`;
  const shown = visibleText(hidden);
  assert.equal(shown, `/usr/sbin/sshd -D${'\u0301'.repeat(MAX_MARKS)}\\u0301×${100 - MAX_MARKS} --exfiltrate /etc/shadow`);
  assert.equal(visibleText('x\u0301\u0302\u0303\u0304\u0304'), 'x\u0301\u0302\\u0303\\u0304×2', 'each mark of the run named');
  assert.equal(visibleText('cafe\u0301'), 'cafe\u0301', 'one accent stays as it is');
  assert.equal(visibleText('\u0301\u0302x'), '\\u0301\\u0302x', 'nothing under them: escaped');
  assert.equal(visibleText('\u0915\u093f'), '\u0915\u093f', 'a Devanagari vowel sign stays');
});

test('the grapheme segmenter is made only for text with combining marks (a JSON report never pays for it)', () => {
  // A fresh process whose Intl.Segmenter counts its constructions.
  const script = `
    let made = 0;
    const Original = Intl.Segmenter;
    Intl.Segmenter = class extends Original { constructor(...args) { super(...args); made++; } };
    const { inertJson, visibleText } = await import(${JSON.stringify(new URL('./untrusted-text.js', import.meta.url).href)});
    inertJson(JSON.stringify({ comm: 'x\\u009b' })); visibleText('plain'); visibleText('a\\x1bb');
    const before = made;
    visibleText('e\\u0301\\u0301\\u0301\\u0301'); visibleText('o\\u0308');
    console.log(JSON.stringify({ before, after: made }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { before: 0, after: 1 });
});
