import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/core/category';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import {
  createBackup,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_CLIPPINGS,
  parseBackup,
} from '../../../src/core/transfer/backup';
import { describeFileError, utf8ByteLength } from '../../../src/core/transfer/json-file';
import { makeClipping, makeIssue } from '../../support/factories';

/**
 * Defect 12: a 100k-clipping backup (17.5 MiB, under the size limit) hung the options page for minutes
 * (reading, merging, writing and then showing 100,000 items). It is refused before any record is
 * checked, with a message that says how many it holds and how many the page takes.
 */

/** A valid backup with `count` clippings, written compactly (JSON.stringify, as a script would). */
function backupWith(count: number): string {
  const clippings = Array.from({ length: count }, (_, index) =>
    makeClipping({ id: `c${index}`, url: `https://e.jp/${index}`, title: `t${index}`, issueId: 'i' }),
  );
  const categories = DEFAULT_CATEGORIES.map((category) => ({ ...category }));
  const data = { clippings, issues: [makeIssue({ id: 'i' })], categories, settings: DEFAULT_SETTINGS };
  return JSON.stringify({ ...createBackup({ ...data, clippings: [] }, 0), clippings });
}

describe('backup size limits', () => {
  it('refuses 100,000 clippings under the byte limit, with one error saying how many', () => {
    const text = backupWith(100_000);
    expect(utf8ByteLength(text)).toBeLessThan(MAX_BACKUP_BYTES);
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      { code: 'too-many-records', path: 'clippings', count: 100_000, max: MAX_BACKUP_CLIPPINGS },
    ]);
    expect(describeFileError(errors[0] as (typeof errors)[0], 'backup')).toEqual({
      key: 'backupErrorTooManyRecords',
      substitutions: ['clippings', '100000', String(MAX_BACKUP_CLIPPINGS)],
    });
  }, 60_000);

  it('takes a backup at the limit', () => {
    expect(parseBackup(backupWith(MAX_BACKUP_CLIPPINGS)).ok).toBe(true);
  }, 60_000);
});
