import { bench, describe } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/category';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, parseBackup, serializeBackup } from '../../src/core/transfer/backup';
import { planMerge } from '../../src/core/transfer/backup-merge';
import { utf8ByteLength } from '../../src/core/transfer/json-file';
import { makeClipping, makeIssue } from '../support/factories';

// Issue 8: a generated 100,000-clipping backup (about 17.5 MiB compact, 24.6 MiB with notes) is read,
// checked and merged here to show what the options page spends (in slices) before writing.
function backupWith(count: number, long = false): string {
  const clippings = Array.from({ length: count }, (_, index) =>
    makeClipping({
      id: `c${index}`,
      url: long ? `https://example.com/articles/${index}?ref=feed` : `https://e.jp/${index}`,
      title: long ? `記事 ${index}` : `t${index}`,
      note: long ? 'チームのコメント' : '',
      issueId: 'i',
      createdAt: long ? 1_700_000_000_000 + index : 1000,
    }),
  );
  const categories = DEFAULT_CATEGORIES.map((category) => ({ ...category }));
  const data = { clippings: [], issues: [makeIssue({ id: 'i' })], categories, settings: DEFAULT_SETTINGS };
  return JSON.stringify({ ...createBackup(data, 0), clippings });
}

const huge = backupWith(100_000);
const long = backupWith(100_000, true);
const parsed = parseBackup(long);
console.log(
  `backup files: 100k clippings ${(utf8ByteLength(huge) / 2 ** 20).toFixed(1)} MiB, ` +
    `with notes ${(utf8ByteLength(long) / 2 ** 20).toFixed(1)} MiB`,
);
const empty = { clippings: [], issues: [], categories: [], settings: DEFAULT_SETTINGS };

describe('backup import', () => {
  bench(
    'parseBackup reads 100,000 short clippings',
    () => {
      parseBackup(huge);
    },
    { iterations: 3 },
  );
  bench(
    'parseBackup reads 100,000 clippings with notes',
    () => {
      parseBackup(long);
    },
    { iterations: 3 },
  );
  bench(
    'planMerge of 100,000 clippings into an empty install',
    () => {
      if (parsed.ok) planMerge(empty, parsed.backup);
    },
    { iterations: 3 },
  );
  bench(
    'planMerge of 100,000 clippings into themselves',
    () => {
      if (parsed.ok) planMerge(parsed.backup, parsed.backup);
    },
    { iterations: 3 },
  );
  bench(
    'serializeBackup of 100,000 clippings',
    () => {
      if (parsed.ok) serializeBackup(parsed.backup);
    },
    { iterations: 3 },
  );
});
