import { type Category, sortCategories } from '../category';
import type { Clipping } from '../clipping';
import type { Deletion } from '../deletion';
import { hasUrlOrTitle } from '../fields';
import { compareItemOrder, type Issue } from '../issue';
import {
  canonicalJson,
  checkRecords,
  checkUniqueIds,
  compareCodeUnits,
  countRecords,
  errorCollector,
  type FieldShape,
  type FileError,
  RECORDS_PER_STEP,
  readJsonFile,
  recordsOf,
  trimToShape,
} from './json-file';
import { finish, type Work } from './paced';

/**
 * The team file: each member writes the open issue's clippings to one; the editor merges several into
 * their own open issue (team-merge.ts). The file is canonical JSON with one clipping per line, so a team
 * can keep the files in git and a diff shows one line per changed clipping. See docs/team-merge.md.
 */

export const TEAM_FILE_FORMAT = 'weekly-clipper-team';
/** The version a download writes. */
export const TEAM_FILE_VERSION = 1;
/** The newest version read: 2 adds `deletions`, which the files on a team's sync branch carry. */
export const TEAM_FILE_READ_VERSION = 2;
export const TEAM_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface TeamCategory {
  id: string;
  label: string;
}

export interface TeamClipping {
  id: string;
  url: string;
  title: string;
  note: string;
  categoryId: string;
  order: number;
  clippedBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface TeamFile {
  format: typeof TEAM_FILE_FORMAT;
  version: number;
  member: string;
  /** ISO 8601; for people reading the file, not used by the merge. */
  exportedAt: string;
  issue: { number: number; date: string };
  categories: TeamCategory[];
  clippings: TeamClipping[];
  /** The member's tombstones (version 2, core/sync/member-file.ts): their deletions travel too. */
  deletions?: Deletion[];
}

// ---- Export ---------------------------------------------------------------------------------------------

export interface TeamExportSource {
  issue: Pick<Issue, 'id' | 'number' | 'date'>;
  /** All local clippings; only the issue's items that are not marked to carry over are written. */
  clippings: readonly Clipping[];
  categories: readonly Category[];
  /** The member's name from the settings; fills `clippedBy` where it is empty. */
  member: string;
  now: number;
}

/** The team file as text: the same data gives the same bytes, `exportedAt` aside. */
export function createTeamFile({ issue, clippings, categories, member, now }: TeamExportSource): string {
  const sorted = sortCategories(categories);
  const rank = new Map(sorted.map((category, index) => [category.id, index]));
  const rankOf = (id: string) => rank.get(id) ?? sorted.length;
  const items = clippings
    .filter((clipping) => clipping.issueId === issue.id && !clipping.carryOver)
    .sort(
      (a, b) =>
        rankOf(a.categoryId) - rankOf(b.categoryId) ||
        compareCodeUnits(a.categoryId, b.categoryId) ||
        compareItemOrder(a, b),
    );
  const labels = new Map(categories.map((category) => [category.id, category.label]));
  // Only the sections the items use, in the member's order; an item whose category is gone locally
  // still gets one (its id as label), so every file is self-contained.
  const usedIds = [...new Set(items.map((item) => item.categoryId))];
  return serializeTeamFile({
    format: TEAM_FILE_FORMAT,
    version: TEAM_FILE_VERSION,
    member,
    exportedAt: new Date(now).toISOString(),
    issue: { number: issue.number, date: issue.date },
    categories: usedIds.map((id) => ({ id, label: labels.get(id) ?? id })),
    clippings: items.map((item) => teamClippingOf(item, member)),
  });
}

/** A clipping as a team file (and a sync-branch member file) writes it; `member` where it names no one. */
export function teamClippingOf(item: Clipping, member: string): TeamClipping {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    note: item.note,
    categoryId: item.categoryId,
    order: item.order,
    clippedBy: item.clippedBy || member,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

function serializeTeamFile(file: TeamFile): string {
  const list = (entries: readonly object[]) =>
    entries.length === 0
      ? '[]'
      : `[\n${entries.map((entry) => `    ${canonicalJson(entry)}`).join(',\n')}\n  ]`;
  const fields: Record<string, string> = {
    categories: list(file.categories),
    clippings: list(file.clippings),
    exportedAt: canonicalJson(file.exportedAt),
    format: canonicalJson(file.format),
    issue: canonicalJson(file.issue),
    member: canonicalJson(file.member),
    version: canonicalJson(file.version),
  };
  const lines = Object.keys(fields)
    .sort(compareCodeUnits)
    .map((key) => `  ${JSON.stringify(key)}: ${fields[key]}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * `weekly-clipper-team-2023-09-15-sato.json`: the 号 date first so files sort by issue. Letters of any
 * script are kept (`佐藤` stays `佐藤`): a Latin-only slug would give every Japanese name the same file.
 */
export function teamFilename(member: string, issue: Pick<Issue, 'date'>): string {
  return `weekly-clipper-team-${issue.date}-${memberSlug(member)}.json`;
}

/**
 * A member's name as part of a file name: letters of any script kept, runs of anything else one `-`,
 * at most 40 code points (cut by code point, so a name is never split inside a character); `member`
 * when nothing is left.
 */
export function memberSlug(member: string): string {
  const slug = member
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(slug).slice(0, 40).join('').replace(/-+$/, '') || 'member';
}

// ---- Import ---------------------------------------------------------------------------------------------

/** A broken file lists every problem, but a runaway one should not flood the screen. */
export const MAX_TEAM_ERRORS = 100;

const ID: FieldShape = { type: 'string', rule: 'non-empty' };
const TEXT: FieldShape = { type: 'string' };
const TIMESTAMP: FieldShape = { type: 'integer', rule: 'timestamp' };

// The same rules as the backup's (json-file.ts and core/fields.ts): a clipping one file takes, the other does.
const CLIPPING_FIELDS = {
  id: ID,
  url: { type: 'string', rule: 'http-url' },
  title: TEXT,
  note: TEXT,
  categoryId: ID,
  order: { type: 'number' },
  clippedBy: TEXT,
  createdAt: TIMESTAMP,
  updatedAt: TIMESTAMP,
} satisfies Record<keyof TeamClipping, FieldShape>;

const TEAM_SHAPE = {
  type: 'object',
  fields: {
    format: TEXT,
    version: { type: 'integer', rule: 'version' },
    member: TEXT,
    exportedAt: { type: 'string', rule: 'iso-date-time' },
    issue: {
      type: 'object',
      fields: {
        number: { type: 'integer', rule: 'issue-number' },
        date: { type: 'string', rule: 'iso-date' },
      },
    },
    categories: {
      type: 'array',
      items: {
        type: 'object',
        fields: { id: { type: 'string', rule: 'non-blank' }, label: { type: 'string', rule: 'non-blank' } },
      },
    },
    clippings: { type: 'array', items: { type: 'object', fields: CLIPPING_FIELDS } },
    deletions: {
      type: 'array',
      optional: true,
      items: { type: 'object', fields: { id: ID, deletedBy: TEXT, deletedAt: TIMESTAMP } },
    },
  },
} satisfies FieldShape & { fields: Record<keyof TeamFile, FieldShape> };

export type TeamFileParse = { ok: true; file: TeamFile } | { ok: false; errors: FileError[] };

/** Reads a member's file: every problem is listed, with its place (`clippings[2].url`), or the file is taken. */
export function parseTeamFile(text: string): TeamFileParse {
  return finish(readTeamFile(text));
}

/** `parseTeamFile` as work that yields its progress (`checking`, records checked / total). */
export function* readTeamFile(text: string): Work<TeamFileParse> {
  const spec = { format: TEAM_FILE_FORMAT, version: TEAM_FILE_READ_VERSION, maxBytes: TEAM_FILE_MAX_BYTES };
  const read = readJsonFile(text, spec);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const { root } = read;
  const { errors, report } = errorCollector(MAX_TEAM_ERRORS);
  yield* checkRecords(root, TEAM_SHAPE, report);
  const categories = recordsOf(root, 'categories');
  const categoryIds = categories && checkUniqueIds(categories, 'categories', report);
  const clippings = recordsOf(root, 'clippings') ?? [];
  checkUniqueIds(clippings, 'clippings', report);
  const total = countRecords(root, TEAM_SHAPE);
  for (const [index, { url, title, categoryId }] of clippings) {
    if (url === '' && typeof title === 'string' && !hasUrlOrTitle({ url, title })) {
      report({ code: 'no-url-or-title', path: `clippings[${index}].title` });
    }
    // Without a category list there is nothing to check against; its own error is enough.
    if (categoryIds && typeof categoryId === 'string' && categoryId !== '' && !categoryIds.has(categoryId)) {
      report({ code: 'unknown-category', path: `clippings[${index}].categoryId`, id: categoryId });
    }
    if ((index + 1) % RECORDS_PER_STEP === 0) yield { phase: 'checking', done: total, total };
  }
  if (errors.length > 0) return { ok: false, errors };
  // The parsed records are this function's own: those with only the shape's fields are kept, not copied.
  return { ok: true, file: trimToShape(root, TEAM_SHAPE) as TeamFile };
}
