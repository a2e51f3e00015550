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

test('lines are cut to a terminal width, and trailing blanks dropped', () => {
  const text = formatTable(columns, [['1', 'root', '12M', 'a very long command line indeed']], { maxWidth: 20 });
  for (const line of text.trimEnd().split('\n')) assert.ok(line.length <= 20, line);
  assert.equal(formatTable([{ title: 'A', align: 'left' }, { title: 'B', align: 'left' }], [['x', '']]), 'A B\nx\n');
});

test('a wider gap between columns', () => {
  assert.equal(formatTable([{ title: 'A', align: 'right' }, { title: 'BB', align: 'right' }], [['1', '2']], { gap: 3 }), 'A   BB\n1    2\n');
});
