import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/core/calendar';
import type { Category } from '../../../src/core/category';
import type { Clipping } from '../../../src/core/clipping';
import { hasUrlOrTitle } from '../../../src/core/fields';
import type { Issue } from '../../../src/core/issue';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../../../src/core/settings';
import {
  type BackupData,
  createBackup,
  parseBackup,
  serializeBackup,
} from '../../../src/core/transfer/backup';
import { planMerge } from '../../../src/core/transfer/backup-merge';
import { isIsoDateTime } from '../../../src/core/transfer/json-file';
import { applyMergePlan } from '../../support/backup';

const schema = JSON.parse(readFileSync(new URL('../../../docs/backup.schema.json', import.meta.url), 'utf8'));
const matchesSchema = new Ajv2020({ formats: { date: isIsoDate, 'date-time': isIsoDateTime } }).compile(
  schema,
);

/** Text people and pages really produce, and text that breaks naive code. */
const AWKWARD = [
  '週刊クリッパー',
  '「注目」の記事です。',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇯🇵',
  'e\u0301',
  'مرحبا بالعالم',
  'שלום',
  '\u202eevil\u202c',
  '\u200b',
  '\u200c\u200d',
  '\ufeff',
  '\u0000',
  '\u0001\u001f',
  '\u007f',
  '\u2028\u2029',
  '\r\n',
  '\t',
  '\\',
  '"',
  '</script>',
  '{{name}}',
  '\ud83d',
  '\ude00',
  '𠮷野家',
];
const awkwardText = fc.string({ unit: fc.constantFrom(...AWKWARD), maxLength: 6 });
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  awkwardText,
);
const longNote = fc
  .tuple(fc.constantFrom(...AWKWARD), fc.string({ unit: 'grapheme', maxLength: 4 }))
  .map(([a, b]) => `${a}${b}あ`.repeat(10_000).slice(0, 10_000));
const note = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: longNote });
/** A small pool so that two data sets share ids, as a backup and the install it came from do. */
const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'é', '猫', '👀'), fc.uuid());
const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
// JSON cannot tell -0 from 0; no order is ever -0 (positions are indices and creation times).
const order = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const date = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const url = fc.oneof(
  fc.constant(''),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://ja.wikipedia.org/wiki/猫',
    'https://example.com/?w=100%&a=b=c#L83-L89',
    'HTTP://EXAMPLE.COM',
  ),
);

const categoriesArb = fc.uniqueArray(
  fc.record<Category>({ id, label: text, order }, { noNullPrototype: true }),
  {
    selector: (category) => category.id,
    maxLength: 5,
  },
);

const issuesArb = fc
  .uniqueArray(
    fc.record(
      {
        id,
        number: fc.integer({ min: 1, max: 10_000 }),
        date,
        headlineId: fc.option(id, { nil: null }),
        topic: fc.option(text, { nil: undefined }),
        afterword: note,
        createdAt: timestamp,
        updatedAt: timestamp,
        publishedAt: timestamp,
      },
      { noNullPrototype: true },
    ),
    { selector: (issue) => issue.id, maxLength: 4 },
  )
  .chain((issues) =>
    // At most one open issue, as a valid file has.
    fc.integer({ min: -1, max: issues.length - 1 }).map((openIndex) =>
      issues.map(
        ({ topic, ...issue }, index): Issue => ({
          ...issue,
          // An issue whose topic was never set has no topic key.
          ...(topic !== undefined && { topic }),
          status: index === openIndex ? 'open' : 'published',
          publishedAt: index === openIndex ? null : issue.publishedAt,
        }),
      ),
    ),
  );

const settingsArb = fc.oneof(
  fc.constant(DEFAULT_SETTINGS),
  fc.record<NewsletterSettings>(
    {
      name: text,
      introTemplate: note,
      meetingWeekday: fc.constantFrom(0, 1, 2, 3, 4, 5, 6),
      memberName: text,
      emoji: fc.constantFrom('📰', '🐈', ''),
      topics: fc.array(text, { maxLength: 4 }),
      titleRules: fc.option(note, { nil: null }),
      footerTemplate: note,
      zennType: fc.constantFrom('tech' as const, 'idea' as const),
      publicationName: fc.constantFrom('', 'cybozu', 'neco_team'),
      slugPattern: fc.constantFrom('{name}-{date}', 'weekly-{number}', ''),
      closePopupAfterSave: fc.boolean(),
    },
    { noNullPrototype: true },
  ),
);

const dataArb: fc.Arbitrary<BackupData> = fc
  .tuple(
    categoriesArb.filter((categories) => categories.length > 0),
    issuesArb,
    settingsArb,
  )
  .chain(([categories, issues, settings]) =>
    fc
      .tuple(
        fc.uniqueArray(
          fc
            .record({
              id,
              url,
              title: text,
              note,
              categoryId: fc.constantFrom(...categories.map((category) => category.id)),
              issueId:
                issues.length === 0
                  ? fc.constant(null)
                  : fc.option(fc.constantFrom(...issues.map((i) => i.id)), { nil: null }),
              order,
              carryOver: fc.boolean(),
              clippedBy: text,
              createdAt: timestamp,
              updatedAt: timestamp,
              otherNotes: fc.option(
                fc.array(
                  fc.record({ id, clippedBy: text, note, updatedAt: timestamp }, { noNullPrototype: true }),
                  { maxLength: 2 },
                ),
                { nil: undefined },
              ),
              siteName: fc.option(text, { nil: undefined }),
              language: fc.option(fc.constantFrom('ja', 'en-US', 'zh-Hant-TW'), { nil: undefined }),
            })
            // As every path that saves one guarantees (core/fields.ts): an item shows its URL or a title.
            .filter(hasUrlOrTitle),
          { selector: (clipping) => clipping.id, maxLength: 6 },
        ),
        fc.uniqueArray(fc.record({ id, deletedBy: text, deletedAt: timestamp }, { noNullPrototype: true }), {
          selector: (deletion) => deletion.id,
          maxLength: 3,
        }),
      )
      .map(([clippings, deletions]) => ({
        // A clipping nobody merged into has no otherNotes key at all, and one from a page that said
        // nothing of itself no siteName or language key.
        clippings: clippings.map(
          ({ otherNotes, siteName, language, ...clipping }): Clipping => ({
            ...clipping,
            ...(otherNotes && { otherNotes }),
            ...(siteName !== undefined && { siteName }),
            ...(language !== undefined && { language }),
          }),
        ),
        issues,
        categories,
        settings,
        deletions,
      })),
  );

/** The data as a backup holds it: records sorted by id (code units), nothing else changed. */
const sortedById = (data: BackupData): BackupData => {
  const sort = <T extends { id: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...data,
    clippings: sort(data.clippings),
    issues: sort(data.issues),
    categories: sort(data.categories),
    deletions: sort(data.deletions ?? []),
  };
};

const EMPTY: BackupData = {
  clippings: [],
  issues: [],
  categories: [],
  settings: DEFAULT_SETTINGS,
  deletions: [],
};
const recordCount = (data: BackupData) => data.clippings.length + data.issues.length + data.categories.length;

describe('backup properties', () => {
  it('serializeBackup → parseBackup gives back the same data, and the file matches the schema', () => {
    fc.assert(
      fc.property(dataArb, timestamp, (data, now) => {
        const file = serializeBackup(createBackup(data, now));
        const result = parseBackup(file);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const { format, version, exportedAt, ...read } = result.backup;
        expect(read).toStrictEqual(sortedById(data));
        expect([format, version, exportedAt]).toEqual([
          'weekly-clipper-backup',
          1,
          new Date(now).toISOString(),
        ]);
        expect(serializeBackup(result.backup)).toBe(file);
        expect(matchesSchema(JSON.parse(file))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('merging into an empty install adds everything', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const plan = planMerge(EMPTY, data);
        expect(plan.counts).toEqual({ added: recordCount(data), updated: 0, unchanged: 0 });
        const { clippings, issues, categories } = sortedById(data);
        expect([plan.clippings, plan.issues, plan.categories]).toEqual([clippings, issues, categories]);
      }),
    );
  });

  it('merging data into itself changes nothing', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const plan = planMerge(data, data);
        expect(plan.counts).toEqual({ added: 0, updated: 0, unchanged: recordCount(data) });
        expect([plan.clippings, plan.issues, plan.categories, plan.settings]).toEqual([
          [],
          [],
          [],
          undefined,
        ]);
      }),
    );
  });

  it('merging the same file twice: the second time writes nothing; one open issue at most; nothing lost', () => {
    fc.assert(
      fc.property(dataArb, dataArb, (current, incoming) => {
        const once = applyMergePlan(current, planMerge(current, incoming));
        const again = planMerge(once, incoming);
        expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: recordCount(incoming) });
        expect([again.clippings, again.issues, again.categories, again.settings]).toEqual([
          [],
          [],
          [],
          undefined,
        ]);
        expect(once.issues.filter((issue) => issue.status === 'open').length).toBeLessThanOrEqual(1);
        // Every item is in the open issue, the backlog, or an issue that really was published.
        const publishedBefore = new Set(
          [...current.issues, ...incoming.issues]
            .filter((issue) => issue.status === 'published')
            .map((issue) => issue.id),
        );
        const openNow = new Set(once.issues.filter((issue) => issue.status === 'open').map((i) => i.id));
        for (const clipping of once.clippings) {
          const { issueId } = clipping;
          const reachable = issueId === null || openNow.has(issueId) || publishedBefore.has(issueId);
          expect(reachable, clipping.id).toBe(true);
        }
        const ids = (list: { id: string }[]) => new Set(list.map((record) => record.id));
        // Nothing lost, except a clipping this install deleted after the file's version of it.
        const deletedHere = new Map((current.deletions ?? []).map((deletion) => [deletion.id, deletion]));
        const keptBack = (record: { id: string; updatedAt?: number }) =>
          !ids(current.clippings).has(record.id) &&
          (deletedHere.get(record.id)?.deletedAt ?? -1) >= (record.updatedAt ?? Infinity);
        for (const key of ['clippings', 'issues', 'categories'] as const) {
          const after = ids(once[key]);
          for (const record of [...current[key], ...incoming[key]]) {
            if (key !== 'clippings' || !keptBack(record)) expect(after.has(record.id)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a record written by the merge is never older than the one it replaces', () => {
    fc.assert(
      fc.property(dataArb, dataArb, (current, incoming) => {
        const plan = planMerge(current, incoming);
        for (const key of ['clippings', 'issues'] as const) {
          const here = new Map<string, Clipping | Issue>(current[key].map((record) => [record.id, record]));
          for (const record of plan[key]) {
            expect(record.updatedAt).toBeGreaterThan(here.get(record.id)?.updatedAt ?? -1);
          }
        }
      }),
    );
  });
});
