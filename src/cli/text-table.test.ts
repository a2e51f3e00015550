import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from './text-table.js';

const columns = [
  { title: 'PID', align: 'right' as const },
  { title: 'USER', align: 'left' as const },
  { title: 'PSS', align: 'right' as const },
  { title: 'COMMAND', align: 'left' as const },
];

test('columns are as wide as their widest cell; numbers right, text left; the last column is not padded', () => {
  const text = formatTable(columns, [
    ['1', 'root', '12M', '/sbin/init'],
    ['31337', 'postgres', '1.5G', 'postgres: writer'],
  ]);
  assert.equal(text, [
    '  PID USER      PSS COMMAND',
    '    1 root      12M /sbin/init',
    '31337 postgres 1.5G postgres: writer',
    '',
  ].join('\n'));
});

test('on a terminal the last column, text, is cut to its width (as ps), and trailing blanks dropped', () => {
  const text = formatTable(columns, [['1', 'root', '12M', 'a very long command line indeed']], { maxWidth: 30 });
  assert.equal(text, 'PID USER PSS COMMAND\n  1 root 12M a very long comma\n');
  assert.equal(formatTable([{ title: 'A', align: 'left' }, { title: 'B', align: 'left' }], [['x', '']]), 'A B\nx\n');
});

test('a terminal narrower than the other columns: none of them is cut (the line wraps), the text keeps MIN_CUT_CELL', () => {
  const text = formatTable(columns, [['1', 'root', '12M', 'a very long command line indeed']], { maxWidth: 10 });
  assert.equal(text, 'PID USER PSS COMMAND\n  1 root 12M a very long comm\n');
});

test('a number in the last column is never cut; a width of 0 (unknown) cuts nothing', () => {
  const numberLast = [{ title: 'COMMAND', align: 'left' as const }, { title: 'PSS', align: 'right' as const }];
  assert.equal(formatTable(numberLast, [['a long command line', '1.5G']], { maxWidth: 10 }), 'COMMAND              PSS\na long command line 1.5G\n');
  const whole = formatTable(columns, [['1', 'root', '12M', 'a very long command line indeed']]);
  assert.equal(formatTable(columns, [['1', 'root', '12M', 'a very long command line indeed']], { maxWidth: 0 }), whole);
  assert.match(whole, /indeed\n$/);
});

test('a wider gap between columns', () => {
  assert.equal(formatTable([{ title: 'A', align: 'right' }, { title: 'BB', align: 'right' }], [['1', '2']], { gap: 3 }), 'A   BB\n1    2\n');
});

test('widths are terminal cells: a CJK name takes two per character, and a cut never splits a character', () => {
  const named = formatTable(columns, [['1', '日本語', '12M', 'x'], ['22', 'root', '1.5G', 'y']]);
  assert.equal(named, 'PID USER    PSS COMMAND\n  1 日本語  12M x\n 22 root   1.5G y\n');
  // 10 CJK characters = 20 cells: cut to the 30 cells of the terminal, past the 13 of the other columns.
  const cut = formatTable(columns, [['1', 'root', '12M', '漢字漢字漢字漢字漢字漢字']], { maxWidth: 30 });
  assert.equal(cut, 'PID USER PSS COMMAND\n  1 root 12M 漢字漢字漢字漢字\n');
  const emoji = formatTable(columns, [['1', 'root', '12M', 'ab😀😀😀😀😀😀😀😀😀']], { maxWidth: 30 });
  assert.equal(emoji.split('\n')[1], '  1 root 12M ab😀😀😀😀😀😀😀', 'each emoji two cells, none cut in half');
  assert.doesNotMatch(emoji, /[\ud800-\udfff](?![\udc00-\udfff])/u);
});
