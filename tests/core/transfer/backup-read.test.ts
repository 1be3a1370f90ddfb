import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/core/calendar';
import type { MessageKey } from '../../../src/core/messages';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import {
  createBackup,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_ERRORS,
  parseBackup,
  serializeBackup,
} from '../../../src/core/transfer/backup';
import {
  type FileError as BackupError,
  type FileMessageKey as BackupMessageKey,
  describeFileError,
  type ExpectedType,
  isIsoDateTime,
  utf8ByteLength,
  type ValueRule,
} from '../../../src/core/transfer/json-file';
import { makeClipping } from '../../support/factories';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const VALID = read('./fixtures/backup-valid.json');
const schema = JSON.parse(read('../../../docs/backup.schema.json'));
const matchesSchema = new Ajv2020({
  allErrors: true,
  formats: { date: isIsoDate, 'date-time': isIsoDateTime },
}).compile(schema);

type Json = Record<string, unknown>;
/** The valid fixture as plain objects, to break one thing in. Records are sorted by id:
 * clippings[0..4] end in a01..a05 (a04 is in the backlog), issues[0] is 第11回 (published), issues[1] 第12回
 * (open), categories are books, events, notable-articles, qa, release-notes, tools. */
const valid = (): Json => JSON.parse(VALID);
const at = (doc: Json, key: string, index: number) => (doc[key] as Json[])[index] as Json;
const settingsOf = (doc: Json) => doc.settings as Json;
const errorsOf = (text: string, options?: { maxBytes?: number }) => {
  const result = parseBackup(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
};
const codesAndPaths = (errors: readonly BackupError[]) => errors.map(({ code, path }) => ({ code, path }));

interface BrokenFile {
  name: string;
  /** Breaks the valid fixture in place. */
  edit?: (doc: Json) => void;
  /** The whole text, for what objects cannot express. */
  text?: string;
  maxBytes?: number;
  errors: { code: BackupError['code']; path: string }[];
  /** False where the JSON Schema cannot see the problem (references, uniqueness, one open issue). */
  schemaSees?: boolean;
}

const one = (code: BackupError['code'], path: string) => [{ code, path }];

const BROKEN: BrokenFile[] = [
  // The file as a whole
  { name: 'empty file', text: '', errors: one('not-json', '') },
  { name: 'only whitespace', text: ' \n\t\r\n', errors: one('not-json', '') },
  { name: 'only a byte order mark', text: '\ufeff', errors: one('not-json', '') },
  { name: 'plain text', text: '週刊クリッパーのバックアップ', errors: one('not-json', '') },
  { name: 'cut off in the middle', text: VALID.slice(0, 200), errors: one('not-json', '') },
  { name: 'single quotes', text: "{'format': 'weekly-clipper-backup'}", errors: one('not-json', '') },
  { name: 'a NaN literal', text: VALID.replace('"order": 0', '"order": NaN'), errors: one('not-json', '') },
  { name: 'a trailing comma', text: VALID.replace(/\n}\n$/, ',\n}\n'), errors: one('not-json', '') },
  { name: 'null', text: 'null', errors: one('wrong-format', '') },
  { name: 'an array', text: '[]', errors: one('wrong-format', '') },
  { name: 'a string', text: '"weekly-clipper-backup"', errors: one('wrong-format', '') },
  { name: 'larger than the limit', text: VALID, maxBytes: 1000, errors: one('too-large', '') },
  {
    name: 'larger than the limit in UTF-8 bytes, not in characters',
    text: JSON.stringify({ note: 'あ'.repeat(400) }),
    maxBytes: 1000,
    errors: one('too-large', ''),
  },
  // Header
  {
    name: 'another format',
    edit: (d) => (d.format = 'weekly-clipper-team'),
    errors: one('wrong-format', 'format'),
  },
  { name: 'no format', edit: (d) => delete d.format, errors: one('wrong-format', 'format') },
  {
    name: 'a newer version, whatever else is in it',
    edit: (d) => {
      d.version = 2;
      d.clippings = 'moved elsewhere in version 2';
    },
    errors: one('newer-version', 'version'),
  },
  { name: 'version as a string', edit: (d) => (d.version = '1'), errors: one('wrong-type', 'version') },
  { name: 'version 0', edit: (d) => (d.version = 0), errors: one('invalid-value', 'version') },
  { name: 'version 1.5', edit: (d) => (d.version = 1.5), errors: one('wrong-type', 'version') },
  { name: 'no version', edit: (d) => delete d.version, errors: one('missing', 'version') },
  { name: 'no exportedAt', edit: (d) => delete d.exportedAt, errors: one('missing', 'exportedAt') },
  {
    name: 'exportedAt on a day that does not exist',
    edit: (d) => (d.exportedAt = '2024-02-30T09:30:00.000Z'),
    errors: one('invalid-value', 'exportedAt'),
  },
  { name: 'no clippings', edit: (d) => delete d.clippings, errors: one('missing', 'clippings') },
  { name: 'clippings as an object', edit: (d) => (d.clippings = {}), errors: one('wrong-type', 'clippings') },
  // Clippings
  {
    name: 'a clipping that is a string',
    edit: (d) => ((d.clippings as unknown[])[4] = 'https://example.com/'),
    errors: one('wrong-type', 'clippings[4]'),
  },
  {
    name: 'updatedAt "NaN"',
    edit: (d) => (at(d, 'clippings', 3).updatedAt = 'NaN'),
    errors: one('wrong-type', 'clippings[3].updatedAt'),
  },
  {
    name: 'updatedAt 1e999 (Infinity once parsed)',
    text: VALID.replace('"updatedAt": 1725500004000', '"updatedAt": 1e999'),
    errors: one('invalid-value', 'clippings[3].updatedAt'),
  },
  {
    name: 'updatedAt null',
    edit: (d) => (at(d, 'clippings', 3).updatedAt = null),
    errors: one('wrong-type', 'clippings[3].updatedAt'),
  },
  {
    name: 'createdAt with a fraction',
    edit: (d) => (at(d, 'clippings', 0).createdAt = 1725500001000.5),
    errors: one('wrong-type', 'clippings[0].createdAt'),
  },
  {
    name: 'createdAt before 1970',
    edit: (d) => (at(d, 'clippings', 0).createdAt = -1),
    errors: one('invalid-value', 'clippings[0].createdAt'),
  },
  {
    name: 'order as a string',
    edit: (d) => (at(d, 'clippings', 0).order = '1'),
    errors: one('wrong-type', 'clippings[0].order'),
  },
  {
    name: 'carryOver as a string',
    edit: (d) => (at(d, 'clippings', 1).carryOver = 'false'),
    errors: one('wrong-type', 'clippings[1].carryOver'),
  },
  {
    name: 'issueId as a number',
    edit: (d) => (at(d, 'clippings', 0).issueId = 12),
    errors: one('wrong-type', 'clippings[0].issueId'),
  },
  {
    name: 'empty id',
    edit: (d) => (at(d, 'clippings', 0).id = ''),
    errors: one('invalid-value', 'clippings[0].id'),
  },
  {
    name: 'no title',
    edit: (d) => delete at(d, 'clippings', 2).title,
    errors: one('missing', 'clippings[2].title'),
  },
  {
    name: 'note null',
    edit: (d) => (at(d, 'clippings', 2).note = null),
    errors: one('wrong-type', 'clippings[2].note'),
  },
  ...[
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
  ].map(
    (url): BrokenFile => ({
      name: `URL ${url}`,
      edit: (d) => (at(d, 'clippings', 0).url = url),
      errors: one('invalid-value', 'clippings[0].url'),
    }),
  ),
  ...['ftp://example.com/file', 'zenn.dev/team_soda/articles/0b57bba3a3665f', 'https://'].map(
    (url): BrokenFile => ({
      name: `URL ${url}`,
      edit: (d) => (at(d, 'clippings', 0).url = url),
      errors: one('invalid-value', 'clippings[0].url'),
      // The schema checks the scheme only; `https://` takes parsing to refuse.
      schemaSees: url !== 'https://',
    }),
  ),
  {
    name: 'another member’s note without its fields',
    edit: (d) => (at(d, 'clippings', 0).otherNotes = [{}]),
    errors: ['id', 'clippedBy', 'note', 'updatedAt'].map((field) => ({
      code: 'missing' as const,
      path: `clippings[0].otherNotes[0].${field}`,
    })),
  },
  // References and uniqueness
  {
    name: 'a clipping in a category that is not in the file',
    edit: (d) => (at(d, 'clippings', 2).categoryId = 'deleted-category'),
    errors: one('unknown-category', 'clippings[2].categoryId'),
    schemaSees: false,
  },
  {
    name: 'a clipping in an issue that is not in the file',
    edit: (d) => (at(d, 'clippings', 3).issueId = 'issue-from-another-install'),
    errors: one('unknown-issue', 'clippings[3].issueId'),
    schemaSees: false,
  },
  {
    name: 'two clippings with one id',
    edit: (d) => (at(d, 'clippings', 4).id = at(d, 'clippings', 1).id),
    errors: one('duplicate-id', 'clippings[4].id'),
    schemaSees: false,
  },
  {
    name: 'two categories with one id',
    edit: (d) => (at(d, 'categories', 1).id = 'books'),
    errors: one('duplicate-id', 'categories[1].id'),
    schemaSees: false,
  },
  {
    name: 'two open issues',
    edit: (d) => (at(d, 'issues', 0).status = 'open'),
    errors: one('two-open-issues', 'issues[1].status'),
    schemaSees: false,
  },
  // Issues, categories, settings
  {
    name: 'issue status "draft"',
    edit: (d) => (at(d, 'issues', 0).status = 'draft'),
    errors: one('invalid-value', 'issues[0].status'),
  },
  {
    name: 'issue date that does not exist',
    edit: (d) => (at(d, 'issues', 0).date = '2024-02-30'),
    errors: one('invalid-value', 'issues[0].date'),
  },
  {
    name: 'issue date with slashes',
    edit: (d) => (at(d, 'issues', 1).date = '2024/09/06'),
    errors: one('invalid-value', 'issues[1].date'),
  },
  {
    name: 'issue 第0回',
    edit: (d) => (at(d, 'issues', 0).number = 0),
    errors: one('invalid-value', 'issues[0].number'),
  },
  {
    name: 'publishedAt "yesterday"',
    edit: (d) => (at(d, 'issues', 0).publishedAt = 'yesterday'),
    errors: one('wrong-type', 'issues[0].publishedAt'),
  },
  {
    name: 'empty headlineId',
    edit: (d) => (at(d, 'issues', 0).headlineId = ''),
    errors: one('invalid-value', 'issues[0].headlineId'),
  },
  {
    name: 'category without a label',
    edit: (d) => delete at(d, 'categories', 0).label,
    errors: one('missing', 'categories[0].label'),
  },
  {
    name: 'category order null',
    edit: (d) => (at(d, 'categories', 0).order = null),
    errors: one('wrong-type', 'categories[0].order'),
  },
  { name: 'no settings', edit: (d) => delete d.settings, errors: one('missing', 'settings') },
  {
    name: 'meeting weekday 7',
    edit: (d) => (settingsOf(d).meetingWeekday = 7),
    errors: one('invalid-value', 'settings.meetingWeekday'),
  },
  {
    name: 'meeting weekday "5"',
    edit: (d) => (settingsOf(d).meetingWeekday = '5'),
    errors: one('wrong-type', 'settings.meetingWeekday'),
  },
  {
    name: 'topics as one string',
    edit: (d) => (settingsOf(d).topics = 'aws'),
    errors: one('wrong-type', 'settings.topics'),
  },
  {
    name: 'a topic that is a number',
    edit: (d) => (settingsOf(d).topics = ['aws', 3]),
    errors: one('wrong-type', 'settings.topics[1]'),
  },
];

describe('parseBackup refuses broken files, saying what and where', () => {
  it('has a case for each kind of damage', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BROKEN)('$name', ({ edit, text, maxBytes, errors, schemaSees = true }) => {
    const doc = valid();
    edit?.(doc);
    const fileText = text ?? JSON.stringify(doc, null, 2);
    expect(codesAndPaths(errorsOf(fileText, { maxBytes }))).toEqual(errors);
    if (text === undefined) expect(matchesSchema(doc)).toBe(!schemaSees);
  });
});

describe('parseBackup reads valid files', () => {
  it('reads the fixture', () => {
    const result = parseBackup(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.clippings).toHaveLength(5);
    expect(result.backup.settings.name).toBe('週刊ソダ');
    expect(matchesSchema(JSON.parse(VALID))).toBe(true);
  });

  it('reads a file saved with a byte order mark', () => {
    expect(parseBackup(`\ufeff${VALID}`)).toEqual(parseBackup(VALID));
  });

  it('reads an empty install', () => {
    const result = parseBackup(read('./fixtures/backup-empty.json'));
    expect(result).toMatchObject({ ok: true, backup: { clippings: [], issues: [], categories: [] } });
  });

  it('reads a file exactly at the size limit', () => {
    expect(parseBackup(VALID, { maxBytes: utf8ByteLength(VALID) }).ok).toBe(true);
    expect(parseBackup(VALID, { maxBytes: utf8ByteLength(VALID) - 1 }).ok).toBe(false);
  });

  it('ignores and drops fields it does not know, at every level', () => {
    const doc = valid();
    doc.comment = 'made by hand';
    at(doc, 'clippings', 0).urlKey = 'https://zenn.dev/x';
    settingsOf(doc).theme = 'dark';
    // JSON.parse makes "__proto__" an own property; copying it must not set a prototype.
    const text = JSON.stringify(doc).replace('{"id":"books"', '{"__proto__":{"polluted":true},"id":"books"');
    expect(text).toContain('__proto__');
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup).not.toHaveProperty('comment');
    expect(Object.keys(result.backup.clippings[0] ?? {})).not.toContain('urlKey');
    const books = result.backup.categories[0] ?? {};
    expect(Object.hasOwn(books, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(books)).toBe(Object.prototype);
    expect((books as Json).polluted).toBeUndefined();
    expect(({} as Json).polluted).toBeUndefined();
    expect(result.backup.settings).not.toHaveProperty('theme');
    expect(result).toEqual(parseBackup(VALID));
  });

  it('keeps a headline that names a deleted clipping (the renderer falls back to the first item)', () => {
    const doc = valid();
    at(doc, 'issues', 1).headlineId = 'deleted-clipping';
    expect(parseBackup(JSON.stringify(doc)).ok).toBe(true);
  });

  it('reads a file made before tombstones existed as one with none', () => {
    const doc = valid();
    delete doc.deletions;
    const result = parseBackup(JSON.stringify(doc));
    expect(result.ok && result.backup.deletions).toEqual([]);
  });

  it('reads the tombstones of a file that has them', () => {
    const result = parseBackup(VALID);
    expect(result.ok && result.backup.deletions).toEqual([
      { id: 'clip-2024-09-06-z99', deletedBy: 'さとう', deletedAt: 1725613200000 },
    ]);
  });

  it('accepts a file without any open issue (the app opens the next one)', () => {
    const doc = valid();
    at(doc, 'issues', 1).status = 'published';
    expect(parseBackup(JSON.stringify(doc)).ok).toBe(true);
  });

  it('accepts an exportedAt with an offset', () => {
    const doc = valid();
    doc.exportedAt = '2024-09-05T18:30:00+09:00';
    expect(parseBackup(JSON.stringify(doc)).ok).toBe(true);
  });
});

describe('parseBackup checks the whole file', () => {
  it('lists every problem of a hand-edited file, not just the first', () => {
    const errors = errorsOf(read('./fixtures/backup-many-errors.json'));
    expect(codesAndPaths(errors)).toEqual([
      { code: 'invalid-value', path: 'exportedAt' },
      { code: 'wrong-type', path: 'clippings[0].updatedAt' },
      { code: 'invalid-value', path: 'clippings[1].url' },
      { code: 'missing', path: 'clippings[3].title' },
      { code: 'invalid-value', path: 'settings.meetingWeekday' },
      { code: 'wrong-type', path: 'settings.topics[1]' },
      { code: 'duplicate-id', path: 'categories[5].id' },
      { code: 'unknown-category', path: 'clippings[2].categoryId' },
      { code: 'unknown-category', path: 'clippings[3].categoryId' },
      { code: 'two-open-issues', path: 'issues[1].status' },
    ]);
    expect(errors).toContainEqual({
      code: 'duplicate-id',
      path: 'categories[5].id',
      id: 'books',
      firstPath: 'categories[0].id',
    });
    expect(errors).toContainEqual({
      code: 'two-open-issues',
      path: 'issues[1].status',
      id: '9b1d7c3e-2a4f-4e6b-8c0d-1f2e3a4b5c12',
      openId: '9b1d7c3e-2a4f-4e6b-8c0d-1f2e3a4b5c11',
    });
    expect(errors).toContainEqual({
      code: 'wrong-type',
      path: 'clippings[0].updatedAt',
      expected: 'integer',
      found: 'string',
    });
  });

  it('stops listing at MAX_BACKUP_ERRORS and says there were more', () => {
    const clippings = Array.from({ length: 80 }, (_, index) => ({
      ...makeClipping({ id: `c${index}` }),
      updatedAt: 'NaN',
    }));
    const text = JSON.stringify({
      ...createBackup({ clippings: [], issues: [], categories: [], settings: DEFAULT_SETTINGS }, 0),
      clippings,
    });
    const result = parseBackup(text);
    expect(result).toMatchObject({ ok: false, truncated: true });
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_BACKUP_ERRORS);
    expect(result.errors[0]).toMatchObject({ path: 'clippings[0].updatedAt' });
  });

  it('does not report a missing category for every clipping when the categories cannot be read', () => {
    const doc = valid();
    doc.categories = 'lost';
    expect(codesAndPaths(errorsOf(JSON.stringify(doc)))).toEqual(one('wrong-type', 'categories'));
  });

  it('reports the newer version alone, from the fixture', () => {
    const errors = errorsOf(read('./fixtures/backup-newer-version.json'));
    expect(errors).toEqual([{ code: 'newer-version', path: 'version', version: 2, supported: 1 }]);
  });

  it('reports the size in bytes before trying to parse', () => {
    const errors = errorsOf('x'.repeat(MAX_BACKUP_BYTES + 1));
    expect(errors).toEqual([
      { code: 'too-large', path: '', bytes: MAX_BACKUP_BYTES + 1, maxBytes: MAX_BACKUP_BYTES },
    ]);
  });

  it('round-trips a serialized export', () => {
    const result = parseBackup(VALID);
    if (!result.ok) throw new Error('fixture must be valid');
    expect(parseBackup(serializeBackup(result.backup))).toEqual(result);
  });
});

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['あ', 3],
    ['😀', 4],
    ['👩‍👩‍👧', 18],
    ['\ud800', 3],
    ['\udc00x', 4],
    // The count goes a chunk of 2^20 units at a time; a pair across the cut is still one character.
    [`${'a'.repeat(2 ** 20 - 1)}😀`, 2 ** 20 - 1 + 4],
    [`${'a'.repeat(2 ** 20 - 1)}\ud800`, 2 ** 20 - 1 + 3],
    [`${'あ'.repeat(2 ** 20 + 5)}`, 3 * (2 ** 20 + 5)],
  ])('%#: %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    if (!/[\ud800-\udfff]/u.test(text)) expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text));
  });
});

describe('isIsoDateTime', () => {
  it.each([
    '2024-09-05T09:30:00.000Z',
    '2024-09-05T09:30:00Z',
    '2024-09-05T18:30:00+09:00',
    '2024-02-29T00:00:00Z',
  ])('accepts %s', (value) => expect(isIsoDateTime(value)).toBe(true));
  it.each([
    '2024-09-05',
    '2024-09-05 09:30:00Z',
    '2023-02-29T00:00:00Z',
    '2024-09-05T24:00:00Z',
    '2024-09-05T09:30:00',
  ])('refuses %s', (value) => expect(isIsoDateTime(value)).toBe(false));
});

describe('a file that is not JSON, in the user’s words', () => {
  // Defect (issue 10): the message carried the parser's English (`Unexpected token '週', "週刊" is
  // not valid JSON`) into the Japanese page. Now no parser text reaches the message; where the parser
  // says where it stopped, the line and column do.
  it.each([
    ['plain text', '週刊クリッパー'],
    ['single quotes', "{'format': 1}"],
    ['cut off', '{"format": "weekly-clipper-backup", "clippings": ['],
  ])('%s: no parser English in the error', (_, text) => {
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ code: 'not-json', reason: 'syntax' });
    // Only where it stopped, if anything: no text from the parser.
    for (const key of Object.keys(error ?? {}))
      expect(['code', 'path', 'reason', 'line', 'column']).toContain(key);
  });

  it('says the line and column where the parser said it stopped', () => {
    const [error] = errorsOf('{\n  "format": "weekly-clipper-backup",\n  "version": 1,,\n}');
    expect(error).toEqual({ code: 'not-json', path: '', reason: 'syntax', line: 3, column: 16 });
  });
});

describe('an impossible date, said as one', () => {
  // Issue 10: 2024-02-30 was reported as a date "in the wrong format"; its form is right, the day is not.
  it('names 2024-02-30 a day that does not exist, and 2024/02/03 a wrong form', () => {
    const impossible = valid();
    at(impossible, 'issues', 0).date = '2024-02-30';
    expect(errorsOf(JSON.stringify(impossible))).toEqual([
      { code: 'invalid-value', path: 'issues[0].date', rule: 'impossible-date' },
    ]);
    const slashed = valid();
    at(slashed, 'issues', 0).date = '2024/02/03';
    expect(errorsOf(JSON.stringify(slashed))).toEqual([
      { code: 'invalid-value', path: 'issues[0].date', rule: 'iso-date' },
    ]);
  });
});

describe('describeBackupError', () => {
  it.each<[BackupError, string, string[]]>([
    [
      { code: 'too-large', path: '', bytes: 22_334_669, maxBytes: MAX_BACKUP_BYTES },
      'backupErrorTooLarge',
      ['21.3', '64.0'],
    ],
    [{ code: 'not-json', path: '', reason: 'empty' }, 'backupErrorEmpty', []],
    [{ code: 'not-json', path: '', reason: 'syntax' }, 'backupErrorNotJson', []],
    [
      { code: 'not-json', path: '', reason: 'syntax', line: 3, column: 12 },
      'backupErrorNotJsonAt',
      ['3', '12'],
    ],
    [{ code: 'wrong-format', path: 'format' }, 'backupErrorWrongFormat', []],
    [{ code: 'newer-version', path: 'version', version: 2, supported: 1 }, 'backupErrorNewerVersion', ['2']],
    [{ code: 'missing', path: 'clippings[2].title' }, 'backupErrorMissing', ['clippings[2].title']],
    [
      { code: 'wrong-type', path: 'clippings[3].updatedAt', expected: 'integer', found: 'string' },
      'backupErrorTypeInteger',
      ['clippings[3].updatedAt'],
    ],
    [
      { code: 'wrong-type', path: 'issues[0].headlineId', expected: 'string-or-null', found: 'number' },
      'backupErrorTypeStringOrNull',
      ['issues[0].headlineId'],
    ],
    [
      { code: 'invalid-value', path: 'clippings[0].url', rule: 'http-url' },
      'backupErrorValueHttpUrl',
      ['clippings[0].url'],
    ],
    [
      { code: 'invalid-value', path: 'exportedAt', rule: 'iso-date-time' },
      'backupErrorValueIsoDateTime',
      ['exportedAt'],
    ],
    [
      { code: 'unknown-category', path: 'clippings[2].categoryId', id: 'gone' },
      'backupErrorUnknownCategory',
      ['clippings[2].categoryId', 'gone'],
    ],
    [
      { code: 'unknown-issue', path: 'clippings[3].issueId', id: 'gone' },
      'backupErrorUnknownIssue',
      ['clippings[3].issueId', 'gone'],
    ],
    [
      { code: 'duplicate-id', path: 'clippings[4].id', id: 'c1', firstPath: 'clippings[1].id' },
      'backupErrorDuplicateId',
      ['clippings[4].id', 'c1'],
    ],
    [
      { code: 'two-open-issues', path: 'issues[1].status', id: 'b', openId: 'a' },
      'backupErrorTwoOpenIssues',
      ['issues[1].status', 'b', 'a'],
    ],
  ])('%j → %s', (error, key, substitutions) => {
    expect(describeFileError(error, 'backup')).toEqual({ key, substitutions });
  });

  it('gives every error found in the broken files a message key', () => {
    const keys = new Set(
      BROKEN.flatMap(({ edit, text, maxBytes }) => {
        const doc = valid();
        edit?.(doc);
        return errorsOf(text ?? JSON.stringify(doc), { maxBytes }).map(
          (error) => describeFileError(error, 'backup').key,
        );
      }),
    );
    for (const key of keys) expect(key).toMatch(/^backupError[A-Z][A-Za-z]+$/);
    expect(keys.size).toBeGreaterThanOrEqual(20);
  });
});

describe('backup error messages in _locales', () => {
  // Every key describeBackupError returns is a key of the Japanese messages: a type error otherwise.
  const toMessageKey = (key: BackupMessageKey): MessageKey => key;
  const locales = ['ja', 'en'].map(
    (locale) =>
      [locale, JSON.parse(read(`../../../public/_locales/${locale}/messages.json`))] as [
        string,
        Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
      ],
  );
  const types: ExpectedType[] = [
    'object',
    'array',
    'string',
    'number',
    'integer',
    'boolean',
    'string-or-null',
    'integer-or-null',
  ];
  const rules: ValueRule[] = [
    'non-empty',
    'non-blank',
    'finite',
    'timestamp',
    'iso-date',
    'impossible-date',
    'iso-date-time',
    'http-url',
    'issue-status',
    'zenn-type',
    'issue-number',
    'weekday',
    'version',
  ];
  const everyError: BackupError[] = [
    { code: 'too-large', path: '', bytes: 1, maxBytes: 0 },
    { code: 'too-many-records', path: 'clippings', count: 2, max: 1 },
    { code: 'not-json', path: '', reason: 'empty' },
    { code: 'not-json', path: '', reason: 'syntax' },
    { code: 'not-json', path: '', reason: 'syntax', line: 1, column: 2 },
    { code: 'wrong-format', path: '' },
    { code: 'newer-version', path: 'version', version: 2, supported: 1 },
    { code: 'missing', path: 'p' },
    ...types.map((expected): BackupError => ({ code: 'wrong-type', path: 'p', expected, found: 'null' })),
    ...rules.map((rule): BackupError => ({ code: 'invalid-value', path: 'p', rule })),
    { code: 'unknown-category', path: 'p', id: 'x' },
    { code: 'unknown-issue', path: 'p', id: 'x' },
    { code: 'duplicate-id', path: 'p', id: 'x', firstPath: 'q' },
    { code: 'two-open-issues', path: 'p', id: 'x', openId: 'y' },
    { code: 'no-url-or-title', path: 'p' },
  ];

  it.each(locales)('%s has every message, with one placeholder per substitution', (_, messages) => {
    for (const [error, kind] of everyError.flatMap((error) => [
      [error, 'backup'] as const,
      [error, 'team'] as const,
    ])) {
      const { key: backupKey, substitutions } = describeFileError(error, kind);
      const key = toMessageKey(backupKey);
      const placeholders = Object.values(messages[key]?.placeholders ?? {}).map(({ content }) => content);
      expect(messages[key]?.message, key).toBeTruthy();
      expect(placeholders.sort(), key).toEqual(substitutions.map((_, index) => `$${index + 1}`));
    }
  });
});
