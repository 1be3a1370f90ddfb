import { describe, expect, it } from 'vitest';
import { storageErrorMessage } from '../../src/core/storage-error';
import { PublishedIssueError, UnknownCategoryError } from '../../src/storage/refusals';
import { createTranslator } from '../support/i18n';

describe('refusals reach people in words', () => {
  it.each([
    ['ja', new PublishedIssueError('i'), '公開済みの号は変更できません'],
    ['en', new PublishedIssueError('i'), 'A published issue cannot be changed'],
    ['ja', new UnknownCategoryError('c'), 'カテゴリは削除されています'],
    ['en', new UnknownCategoryError('c'), 'category was deleted'],
  ] as const)('%s: %s', (locale, error, words) => {
    const text = storageErrorMessage(createTranslator(locale), 'errorSaveFailed', error);
    expect(text).toContain(words);
    expect(text).not.toContain(error.name);
  });
});
