import { bench, describe } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/category';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, MAX_BACKUP_CLIPPINGS, parseBackup } from '../../src/core/transfer/backup';
import { planMerge } from '../../src/core/transfer/backup-merge';
import { utf8ByteLength } from '../../src/core/transfer/json-file';
import { makeClipping, makeIssue } from '../support/factories';

// Defect 12: a generated 100,000-clipping backup (about 17.5 MiB) is refused after JSON.parse, before
// any record is checked; the largest accepted one is read and merged here to show what the options page
// spends before writing.
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
const largest = backupWith(MAX_BACKUP_CLIPPINGS, true);
const parsed = parseBackup(largest);
console.log(
  `backup files: 100k clippings ${(utf8ByteLength(huge) / 2 ** 20).toFixed(1)} MiB, ` +
    `${MAX_BACKUP_CLIPPINGS} clippings ${(utf8ByteLength(largest) / 2 ** 20).toFixed(1)} MiB`,
);
const empty = { clippings: [], issues: [], categories: [], settings: DEFAULT_SETTINGS };

describe('backup import', () => {
  bench(
    'parseBackup refuses 100,000 clippings',
    () => {
      parseBackup(huge);
    },
    { iterations: 3 },
  );
  bench(
    `parseBackup reads ${MAX_BACKUP_CLIPPINGS} clippings`,
    () => {
      parseBackup(largest);
    },
    { iterations: 3 },
  );
  bench(
    `planMerge of ${MAX_BACKUP_CLIPPINGS} clippings into an empty install`,
    () => {
      if (parsed.ok) planMerge(empty, parsed.backup);
    },
    { iterations: 3 },
  );
});
