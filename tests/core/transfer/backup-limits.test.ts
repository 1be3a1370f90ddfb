import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import {
  createBackup,
  exportText,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_CLIPPINGS,
  parseBackup,
  readBackup,
  serializeBackup,
} from '../../../src/core/transfer/backup';
import { mergeWork, planMerge } from '../../../src/core/transfer/backup-merge';
import { describeFileError, sortKeys, utf8ByteLength } from '../../../src/core/transfer/json-file';
import { finish, type ImportProgress, type Work } from '../../../src/core/transfer/paced';
import { makeClipping, makeIssue } from '../../support/factories';

/**
 * Issue 8: a 100,000-clipping backup (17.5 MiB) imports. Defect 12 once hung the options page for
 * minutes on it, and it was refused; now every step is work that yields its progress, so the page can
 * run it in slices. Past MAX_BACKUP_CLIPPINGS a file is still refused before any record is checked.
 */

const categories = DEFAULT_CATEGORIES.map((category) => ({ ...category }));

function dataWith(count: number) {
  const clippings = Array.from({ length: count }, (_, index) =>
    makeClipping({ id: `c${index}`, url: `https://e.jp/${index}`, title: `t${index}`, issueId: 'i' }),
  );
  return { clippings, issues: [makeIssue({ id: 'i' })], categories, settings: DEFAULT_SETTINGS };
}

/** A valid backup with `count` clippings, written compactly (JSON.stringify, as a script would). */
function backupWith(count: number): string {
  const data = dataWith(count);
  return JSON.stringify({ ...createBackup({ ...data, clippings: [] }, 0), clippings: data.clippings });
}

/** Runs work to its end, keeping every progress it yields. */
function steps<T>(work: Work<T>): { result: T; progress: ImportProgress[] } {
  const progress: ImportProgress[] = [];
  for (;;) {
    const step = work.next();
    if (step.done) return { result: step.value, progress };
    progress.push(step.value);
  }
}

describe('backup size limits', () => {
  it('takes 100,000 clippings under the byte limit, reporting records checked as it goes', () => {
    const text = backupWith(100_000);
    expect(utf8ByteLength(text)).toBeLessThan(MAX_BACKUP_BYTES);
    const { result, progress } = steps(readBackup(text));
    expect(result.ok && result.backup.clippings.length).toBe(100_000);
    const checking = progress.filter((step) => step.phase === 'checking');
    const total = 100_000 + 1 + categories.length;
    expect(checking.length).toBeGreaterThan(100);
    expect(checking.every((step) => step.total === total && step.done <= total)).toBe(true);
    const counts = checking.map((step) => step.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(total);
  }, 60_000);

  it('merges 25,000 clippings into an empty install, reporting records merged as it goes', () => {
    const parsed = parseBackup(backupWith(25_000));
    if (!parsed.ok) throw new Error('the file must be valid');
    const empty = { clippings: [], issues: [], categories: [], settings: DEFAULT_SETTINGS };
    const { result, progress } = steps(mergeWork(empty, parsed.backup));
    expect(result).toEqual(planMerge(empty, parsed.backup));
    expect(result.counts.added).toBe(25_000 + 1 + categories.length);
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.every((step) => step.phase === 'merging' && step.total === 25_001)).toBe(true);
  }, 60_000);

  it('exports 25,000 clippings a slice at a time, to the same bytes as serializeBackup', () => {
    const data = dataWith(25_000);
    const { result, progress } = steps(exportText(data, 0));
    expect(result).toBe(serializeBackup(createBackup(data, 0)));
    expect(progress.filter((step) => step.phase === 'writing').length).toBeGreaterThan(20);
    expect(finish(readBackup(result)).ok).toBe(true);
  }, 60_000);

  it('writes the bytes of JSON.stringify with sorted keys and two-space indent, records of every kind', () => {
    const clippings = dataWith(1_500).clippings.map((clipping, index) =>
      index % 7 === 0
        ? {
            ...clipping,
            otherNotes: [
              { id: `o${index}`, clippedBy: '鈴木', note: '別\u2028の', updatedAt: 5, url: '', title: 't' },
            ],
          }
        : clipping,
    );
    const issues = [
      makeIssue({ id: 'i', editedAfterPublish: [1, 2] }),
      makeIssue({ id: 'j', status: 'published' }),
    ];
    const deletions = [{ id: 'gone', deletedBy: '', deletedAt: 3 }];
    const backup = createBackup({ clippings, issues, categories, settings: DEFAULT_SETTINGS, deletions }, 0);
    expect(serializeBackup(backup)).toBe(`${JSON.stringify(sortKeys(backup), null, 2)}\n`);
    const empty = createBackup({ ...dataWith(0), issues: [] }, 0);
    expect(serializeBackup(empty)).toBe(`${JSON.stringify(sortKeys(empty), null, 2)}\n`);
  });

  it('refuses one clipping more than the limit, with one error saying how many', () => {
    // The count is checked before any record, so the records need not be valid ones.
    const { clippings: _, ...rest } = createBackup(dataWith(0), 0);
    const head = JSON.stringify(rest).slice(0, -1);
    const count = MAX_BACKUP_CLIPPINGS + 1;
    const text = `${head},"clippings":[${Array(count).fill('{}').join(',')}]}`;
    const result = parseBackup(text);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      { code: 'too-many-records', path: 'clippings', count, max: MAX_BACKUP_CLIPPINGS },
    ]);
    expect(describeFileError(errors[0] as (typeof errors)[0], 'backup')).toEqual({
      key: 'backupErrorTooManyRecords',
      substitutions: ['clippings', String(count), String(MAX_BACKUP_CLIPPINGS)],
    });
  }, 60_000);
});
