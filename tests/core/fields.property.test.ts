import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClippingFields, normalizeFields, validateClippingFields } from '../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, parseBackup, serializeBackup } from '../../src/core/transfer/backup';
import { createTeamFile, parseTeamFile } from '../../src/core/transfer/team-file';
import { isValidChange } from '../../src/options/issue-actions';
import { makeClipping, makeIssue } from '../support/factories';

/**
 * Every path that takes a clipping's URL and title or an issue's number agrees with every other: what
 * the editor or the popup saves, a backup and a team file of it import; what an import takes, the
 * editor would have saved as it is.
 */

const ISSUE = makeIssue({ id: 'open', number: 41 });

const editorAccepts = (fields: ClippingFields) =>
  validateClippingFields(fields, { urlRequired: false }).length === 0;
const popupAccepts = (fields: ClippingFields) => validateClippingFields(fields).length === 0;

function backupAccepts({ url, title }: Pick<ClippingFields, 'url' | 'title'>, number = ISSUE.number) {
  const clipping = makeClipping({ url, title, issueId: ISSUE.id });
  const data = {
    clippings: [clipping],
    issues: [{ ...ISSUE, number }],
    categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })),
    settings: DEFAULT_SETTINGS,
  };
  return parseBackup(serializeBackup(createBackup(data, 0))).ok;
}

function teamAccepts({ url, title }: Pick<ClippingFields, 'url' | 'title'>) {
  const text = createTeamFile({
    issue: ISSUE,
    clippings: [makeClipping({ url, title, issueId: ISSUE.id })],
    categories: DEFAULT_CATEGORIES,
    member: '佐藤',
    now: 0,
  });
  return parseTeamFile(text).ok;
}

/** URLs made of the parts that have disagreed: schemes, hidden characters, spaces, tracking parameters. */
const hostile = fc.constantFrom(
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  ' ',
  '\u3000',
  '\u00a0',
  '#',
  '?utm_source=x',
  '&fbclid=1',
  '%',
  'あ',
);
const urlLike = fc.oneof(
  fc.constant(''),
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'javascript:', 'ftp://', ' https://', '', '//'),
      fc.array(fc.oneof(fc.webSegment(), hostile), { maxLength: 5 }),
      fc.constantFrom('', ' ', '\n', '/'),
    )
    .map(([scheme, parts, end]) => `${scheme}example.com/${parts.join('')}${end}`),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const titleLike = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\u3000', 'Go 1.21', 'タイトル'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const fieldsArb = fc.record({
  url: urlLike,
  title: titleLike,
  note: fc.constant(''),
  categoryId: fc.constant('tools'),
});

describe('one rule per field, for every path', () => {
  it('what the editor or the popup saves, a backup and a team file of it import', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        for (const accepts of [editorAccepts, popupAccepts]) {
          if (!accepts(fields)) continue;
          const stored = normalizeFields(fields);
          expect(backupAccepts(stored), JSON.stringify(stored)).toBe(true);
          expect(teamAccepts(stored), JSON.stringify(stored)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('what a backup or a team file takes, the other takes, and the editor accepts', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const inBackup = backupAccepts(fields);
        expect(teamAccepts(fields), JSON.stringify(fields)).toBe(inBackup);
        if (inBackup) expect(editorAccepts(fields), JSON.stringify(fields)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a URL with a line break', { url: 'https://example.com/a\n# x', title: 't' }],
    ['a URL with a tab', { url: 'https://example.com/\ta', title: 't' }],
    ['a URL with a NUL', { url: 'https://example.com/\u0000', title: 't' }],
    ['a URL with U+2028', { url: 'https://example.com/a\u2028b', title: 't' }],
    ['an item with neither URL nor title', { url: '', title: '' }],
    ['an item with a blank title and no URL', { url: '', title: ' \n' }],
  ])('refuses %s everywhere', (_name, fields) => {
    const all = { ...fields, note: '', categoryId: 'tools' };
    expect([editorAccepts(all), backupAccepts(fields), teamAccepts(fields)]).toEqual([false, false, false]);
  });

  it('takes the same issue numbers in the editor and in a backup', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -5, max: 100 }),
      fc.constantFrom(1e16, 2 ** 53, 2 ** 53 - 1, 1.5, Number.MAX_VALUE),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(numbers, (number) => {
        expect(isValidChange({ number }), String(number)).toBe(
          backupAccepts({ url: 'https://a.example/', title: 't' }, number),
        );
      }),
      { numRuns: 1000 },
    );
    expect(isValidChange({ number: 1e16 })).toBe(false);
  });
});
