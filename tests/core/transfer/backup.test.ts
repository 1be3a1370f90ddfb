import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/core/calendar';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import {
  BACKUP_SHAPE,
  type BackupData,
  backupFilename,
  createBackup,
  parseBackup,
  serializeBackup,
} from '../../../src/core/transfer/backup';
import { type FieldShape, isIsoDateTime } from '../../../src/core/transfer/json-file';
import { makeClipping, makeIssue } from '../../support/factories';
import { TIME_ZONES, withTimeZone } from '../../support/time-zone';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const schema = JSON.parse(read('../../../docs/backup.schema.json'));
const matchesSchema = new Ajv2020({
  allErrors: true,
  formats: { date: isIsoDate, 'date-time': isIsoDateTime },
}).compile(schema);

const NOW = Date.UTC(2024, 8, 5, 9, 30);

function sampleData(): BackupData {
  return {
    clippings: [
      makeClipping({ id: 'c-2', issueId: 'issue-1', note: '注目\n\n- 箇条書き', clippedBy: 'さとう' }),
      makeClipping({ id: 'c-1', issueId: null, url: '', title: 'Q&A', categoryId: 'tools' }),
      makeClipping({ id: 'c-3', issueId: 'issue-1', carryOver: true, order: 0.5 }),
    ],
    issues: [makeIssue({ id: 'issue-1', number: 12, date: '2024-09-06' })],
    categories: [...DEFAULT_CATEGORIES],
    settings: { ...DEFAULT_SETTINGS, name: '週刊ソダ', topics: ['terraform', 'aws'] },
  };
}

describe('createBackup', () => {
  it('names the format, the version and the time of export', () => {
    const backup = createBackup(sampleData(), NOW);
    expect(backup).toMatchObject({
      format: 'weekly-clipper-backup',
      version: 1,
      exportedAt: '2024-09-05T09:30:00.000Z',
    });
  });

  it('sorts the records by id (code units, not locale)', () => {
    const data = sampleData();
    data.clippings.push(makeClipping({ id: 'B' }), makeClipping({ id: 'a' }), makeClipping({ id: 'É' }));
    expect(createBackup(data, NOW).clippings.map((clipping) => clipping.id)).toEqual([
      'B',
      'a',
      'c-1',
      'c-2',
      'c-3',
      'É',
    ]);
    expect(createBackup(data, NOW).categories.map((category) => category.id)).toEqual([
      'books',
      'events',
      'notable-articles',
      'release-notes',
      'tools',
    ]);
  });

  it('keeps the topics in the order the user typed them', () => {
    expect(createBackup(sampleData(), NOW).settings.topics).toEqual(['terraform', 'aws']);
  });

  it('writes the domain fields only: a stored clipping’s urlKey stays home', () => {
    const data = sampleData();
    const stored = { ...makeClipping({ id: 'c-9' }), urlKey: 'https://zenn.dev/x' };
    data.clippings = [stored];
    const [clipping] = createBackup(data, NOW).clippings;
    expect(clipping).toEqual(makeClipping({ id: 'c-9' }));
    expect(clipping).not.toHaveProperty('urlKey');
  });

  it('writes other members’ notes when a clipping has them, and no key when it has none', () => {
    const data = sampleData();
    data.clippings = [
      makeClipping({
        id: 'with',
        otherNotes: [{ id: 'theirs', clippedBy: 'すずき', note: '同感', updatedAt: 5 }],
      }),
      makeClipping({ id: 'without' }),
    ];
    const backup = createBackup(data, NOW);
    expect(backup.clippings[0]?.otherNotes).toEqual([
      { id: 'theirs', clippedBy: 'すずき', note: '同感', updatedAt: 5 },
    ]);
    expect(Object.keys(backup.clippings[1] ?? {})).not.toContain('otherNotes');
  });

  it('does not share arrays with the data it was made from', () => {
    const data = sampleData();
    const backup = createBackup(data, NOW);
    backup.settings.topics.push('changed');
    (backup.clippings[0] as { title: string }).title = 'changed';
    expect(data.settings.topics).toEqual(['terraform', 'aws']);
    expect(data.clippings.map((clipping) => clipping.title)).not.toContain('changed');
  });
});

describe('serializeBackup', () => {
  it('writes two-space indented JSON with a final newline', () => {
    const text = serializeBackup(createBackup(sampleData(), NOW));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"categories": \[$/);
    expect(text).not.toMatch(/\t|\r/);
  });

  it('sorts keys at every level', () => {
    const text = serializeBackup(createBackup(sampleData(), NOW));
    const checkSorted = (value: unknown): void => {
      if (Array.isArray(value)) {
        for (const item of value) checkSorted(item);
      } else if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        expect(keys).toEqual([...keys].sort());
        for (const child of Object.values(value)) checkSorted(child);
      }
    };
    checkSorted(JSON.parse(text));
    expect(Object.keys(JSON.parse(text))).toEqual([
      'categories',
      'clippings',
      'deletions',
      'exportedAt',
      'format',
      'issues',
      'settings',
      'version',
    ]);
  });

  it('gives the same bytes for the same data in any order, apart from exportedAt', () => {
    const data = sampleData();
    const shuffled: BackupData = {
      ...data,
      clippings: [...data.clippings]
        .reverse()
        .map(
          (clipping) => ({ ...Object.fromEntries(Object.entries(clipping).reverse()) }) as typeof clipping,
        ),
      categories: [...data.categories].reverse(),
    };
    const first = serializeBackup(createBackup(data, NOW));
    const second = serializeBackup(createBackup(shuffled, NOW + 60_000));
    expect(second.replace('2024-09-05T09:31:00.000Z', '2024-09-05T09:30:00.000Z')).toBe(first);
  });

  it('writes the valid fixture’s records and keys in the fixture’s order (the fixture is canonical)', () => {
    const text = read('./fixtures/backup-valid.json');
    const result = parseBackup(text);
    if (!result.ok) throw new Error('fixture must be valid');
    // Compared after re-indenting: Biome formats the fixture and puts short arrays on one line.
    expect(serializeBackup(result.backup)).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('escapes lone surrogates so that the file is valid UTF-8', () => {
    const data = sampleData();
    data.clippings = [makeClipping({ note: 'broken \ud83d pair' })];
    const text = serializeBackup(createBackup(data, NOW));
    expect(text).toContain('broken \\ud83d pair');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });
});

describe('backupFilename', () => {
  it('uses the local date and time, minutes padded', () => {
    expect(backupFilename(new Date(2024, 8, 6, 9, 5))).toBe('weekly-clipper-backup-20240906-0905.json');
    expect(backupFilename(new Date(2024, 11, 31, 23, 59))).toBe('weekly-clipper-backup-20241231-2359.json');
  });

  it.each(TIME_ZONES)('shows the wall clock of %s', (zone) => {
    withTimeZone(zone, () => {
      const now = new Date(NOW);
      const expected = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}-${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`;
      expect(backupFilename(now)).toBe(`weekly-clipper-backup-${expected}.json`);
    });
  });

  it('is 2024-09-05 18:30 in Tokyo for 09:30 UTC', () => {
    withTimeZone('Asia/Tokyo', () => {
      expect(backupFilename(new Date(NOW))).toBe('weekly-clipper-backup-20240905-1830.json');
    });
  });
});

describe('docs/backup.schema.json', () => {
  it('accepts what createBackup writes', () => {
    const data = sampleData();
    data.clippings.push(
      makeClipping({
        id: 'with-notes',
        otherNotes: [{ id: 'n', clippedBy: 'すずき', note: '', updatedAt: 1 }],
      }),
    );
    const backup = JSON.parse(serializeBackup(createBackup(data, NOW)));
    expect(matchesSchema(backup), JSON.stringify(matchesSchema.errors)).toBe(true);
  });

  it('accepts the fixtures the reader accepts', () => {
    for (const name of ['backup-valid.json', 'backup-empty.json']) {
      expect(matchesSchema(JSON.parse(read(`./fixtures/${name}`))), name).toBe(true);
    }
  });

  it('refuses the fixtures the reader refuses', () => {
    for (const name of ['backup-many-errors.json', 'backup-newer-version.json']) {
      expect(matchesSchema(JSON.parse(read(`./fixtures/${name}`))), name).toBe(false);
    }
  });

  // The reader's shape (src/core/transfer/backup.ts) and the schema describe the same fields.
  const requiredAndAll = (fields: Record<string, FieldShape>) => ({
    required: Object.keys(fields)
      .filter((key) => !fields[key]?.optional)
      .sort(),
    all: Object.keys(fields).sort(),
  });
  const fromSchema = (definition: { required: string[]; properties: object }) => ({
    required: [...definition.required].sort(),
    all: Object.keys(definition.properties).sort(),
  });
  const recordFields = (shape: FieldShape) => shape.items?.fields ?? {};
  const { fields } = BACKUP_SHAPE;

  it.each([
    ['the file', fields, schema],
    ['clipping', recordFields(fields.clippings), schema.$defs.clipping],
    ['issue', recordFields(fields.issues), schema.$defs.issue],
    ['category', recordFields(fields.categories), schema.$defs.category],
    ['settings', fields.settings.fields, schema.$defs.settings],
    [
      'other note',
      recordFields(recordFields(fields.clippings).otherNotes as FieldShape),
      schema.$defs.otherNote,
    ],
  ])('lists the same fields for %s as the reader', (_, shapeFields, definition) => {
    expect(fromSchema(definition)).toEqual(requiredAndAll(shapeFields as Record<string, FieldShape>));
  });
});
