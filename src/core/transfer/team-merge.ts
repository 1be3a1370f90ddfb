import { isIsoDate } from '../calendar';
import { type Category, sortCategories } from '../category';
import type { Clipping, OtherNote } from '../clipping';
import { compareItemOrder, type Issue } from '../issue';
import { isHttpUrl, urlMatchKey } from '../url';

/**
 * Team merge: each member writes the open issue's clippings to a team file; the editor merges several
 * files into their own open issue. The file is canonical JSON with one clipping per line, so a team can
 * keep the files in git and a diff shows one line per changed clipping. See docs/team-merge.md.
 */

export const TEAM_FILE_FORMAT = 'weekly-clipper-team';
export const TEAM_FILE_VERSION = 1;
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

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
        compareText(a.categoryId, b.categoryId) ||
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
    clippings: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      note: item.note,
      categoryId: item.categoryId,
      order: item.order,
      clippedBy: item.clippedBy || member,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    })),
  });
}

/** Compact JSON with keys sorted at every level. */
function canonicalJson(value: unknown): string {
  const sortKeys = (_key: string, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compareText(a, b)))
      : inner;
  // JSON.stringify leaves U+2028/U+2029 raw; some editors break lines there, so escape them to keep
  // one clipping per line everywhere.
  return JSON.stringify(value, sortKeys).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
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
    .sort(compareText)
    .map((key) => `  ${JSON.stringify(key)}: ${fields[key]}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * `weekly-clipper-team-2023-09-15-sato.json`: the 号 date first so files sort by issue. Letters of any
 * script are kept (`佐藤` stays `佐藤`): a Latin-only slug would give every Japanese name the same file.
 */
export function teamFilename(member: string, issue: Pick<Issue, 'date'>): string {
  const slug = member
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code point, not UTF-16 unit, so a name is never split inside a character.
  const short = Array.from(slug).slice(0, 40).join('').replace(/-+$/, '') || 'member';
  return `weekly-clipper-team-${issue.date}-${short}.json`;
}

// ---- Import ---------------------------------------------------------------------------------------------

export type TeamFileErrorCode =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'newer-version'
  | 'missing'
  | 'wrong-type'
  | 'invalid-value'
  | 'duplicate-id';

/** What is wrong and where: `path` is like `clippings[2].url`, or '' for the file as a whole. */
export interface TeamFileError {
  path: string;
  code: TeamFileErrorCode;
}

export type TeamFileParse = { ok: true; file: TeamFile } | { ok: false; errors: TeamFileError[] };

/** A broken file lists every problem, but a runaway one should not flood the screen. */
const MAX_ERRORS = 100;

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isTime = (value: number) => Number.isSafeInteger(value) && value >= 0;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function utf8Length(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so most files need no encoding to be measured.
  return text.length * 3 <= TEAM_FILE_MAX_BYTES ? text.length : new TextEncoder().encode(text).byteLength;
}

/** Reads one field, recording why it cannot be used. */
function reader(errors: TeamFileError[]) {
  return <T>(
    fields: Fields,
    key: string,
    path: string,
    isType: (value: unknown) => value is T,
    isValid: (value: T) => boolean = () => true,
  ): T | undefined => {
    // Own properties only: a file's `constructor` or `__proto__` is data, never the prototype's.
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (value === undefined) errors.push({ path, code: 'missing' });
    else if (!isType(value)) errors.push({ path, code: 'wrong-type' });
    else if (!isValid(value)) errors.push({ path, code: 'invalid-value' });
    else return value;
    return undefined;
  };
}

export function parseTeamFile(text: string): TeamFileParse {
  const fail = (code: TeamFileErrorCode, path = ''): TeamFileParse => ({
    ok: false,
    errors: [{ path, code }],
  });
  if (utf8Length(text) > TEAM_FILE_MAX_BYTES) return fail('too-large');
  let data: unknown;
  try {
    // A byte order mark is what some Windows editors add on save; JSON.parse rejects it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('not-json');
  }
  if (!isFields(data)) return fail('wrong-format');
  if (data.format !== TEAM_FILE_FORMAT) return fail('wrong-format', 'format');
  if (isNumber(data.version) && data.version > TEAM_FILE_VERSION) return fail('newer-version', 'version');

  const errors: TeamFileError[] = [];
  const read = reader(errors);
  const version = read(data, 'version', 'version', isNumber, (v) => v === TEAM_FILE_VERSION);
  const member = read(data, 'member', 'member', isString);
  const exportedAt = read(data, 'exportedAt', 'exportedAt', isString, (v) => ISO_INSTANT.test(v));
  const issueFields = read(data, 'issue', 'issue', isFields);
  const issue = issueFields && {
    number: read(issueFields, 'number', 'issue.number', isNumber, (v) => Number.isSafeInteger(v) && v > 0),
    date: read(issueFields, 'date', 'issue.date', isString, isIsoDate),
  };
  const categoryList = read(data, 'categories', 'categories', isArray);
  const categoryIds = new Set<string>();
  const categories = readCategories(categoryList ?? [], read, errors, categoryIds);
  // Without a category list there is nothing to check clippings' categories against; one error is enough.
  const knownCategory = (id: string) => categoryList === undefined || categoryIds.has(id);
  const clippingList = read(data, 'clippings', 'clippings', isArray) ?? [];
  const clippings = readClippings(clippingList, read, errors, knownCategory);

  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return {
    ok: true,
    file: {
      format: TEAM_FILE_FORMAT,
      version: version as number,
      member: member as string,
      exportedAt: exportedAt as string,
      issue: issue as TeamFile['issue'],
      categories,
      clippings,
    },
  };
}

type Read = ReturnType<typeof reader>;
const nonBlank = (value: string) => value.trim() !== '';

/** Reads the categories; `ids` collects every id seen, so a bad label does not also fail its clippings. */
function readCategories(entries: unknown[], read: Read, errors: TeamFileError[], ids: Set<string>) {
  const categories: TeamCategory[] = [];
  entries.forEach((entry, index) => {
    const at = `categories[${index}]`;
    if (!isFields(entry)) {
      errors.push({ path: at, code: 'wrong-type' });
      return;
    }
    const id = read(entry, 'id', `${at}.id`, isString, nonBlank);
    const label = read(entry, 'label', `${at}.label`, isString, nonBlank);
    if (id === undefined) return;
    if (ids.has(id)) errors.push({ path: `${at}.id`, code: 'duplicate-id' });
    else if (label !== undefined) categories.push({ id, label });
    ids.add(id);
  });
  return categories;
}

function readClippings(
  entries: unknown[],
  read: Read,
  errors: TeamFileError[],
  knownCategory: (id: string) => boolean,
): TeamClipping[] {
  const seen = new Set<string>();
  const clippings: TeamClipping[] = [];
  entries.forEach((entry, index) => {
    const at = `clippings[${index}]`;
    if (!isFields(entry)) {
      errors.push({ path: at, code: 'wrong-type' });
      return;
    }
    const before = errors.length;
    const id = read(entry, 'id', `${at}.id`, isString, nonBlank);
    if (id !== undefined && seen.has(id)) errors.push({ path: `${at}.id`, code: 'duplicate-id' });
    if (id !== undefined) seen.add(id);
    // Items added by hand have no URL; anything else must be a link the issue can show.
    const url = read(entry, 'url', `${at}.url`, isString, (v) => v === '' || isHttpUrl(v));
    // Same rule as the editor's form: an item without URL needs a title.
    const title = read(entry, 'title', `${at}.title`, isString, (v) => url !== '' || nonBlank(v));
    const clipping = {
      id,
      url,
      title,
      note: read(entry, 'note', `${at}.note`, isString),
      categoryId: read(entry, 'categoryId', `${at}.categoryId`, isString, knownCategory),
      order: read(entry, 'order', `${at}.order`, isNumber, Number.isFinite),
      clippedBy: read(entry, 'clippedBy', `${at}.clippedBy`, isString),
      createdAt: read(entry, 'createdAt', `${at}.createdAt`, isNumber, isTime),
      updatedAt: read(entry, 'updatedAt', `${at}.updatedAt`, isNumber, isTime),
    };
    if (errors.length === before) clippings.push(clipping as TeamClipping);
  });
  return clippings;
}

// ---- Merge ----------------------------------------------------------------------------------------------

export interface TeamMergeLocal {
  openIssue: Pick<Issue, 'id'>;
  /** Every local clipping, in any issue or the backlog. */
  clippings: readonly Clipping[];
  categories: readonly Category[];
}

/** Each incoming clipping is counted once, so the four add up to the number of clippings in the files. */
export interface TeamMergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Incoming clippings of a URL already in the issue whose note was kept on that item as an other note. */
  mergedNotes: number;
}

export interface TeamMergePlan {
  add: Clipping[];
  update: Clipping[];
  addCategories: Category[];
  counts: TeamMergeCounts;
}

interface Incoming {
  clipping: TeamClipping;
  file: TeamFile;
}

/**
 * What merging these team files into the local open issue changes. Nothing is deleted, and planning
 * again after saving the plan finds nothing to do. The rules are in docs/team-merge.md.
 */
export function planTeamMerge(local: TeamMergeLocal, files: readonly TeamFile[]): TeamMergePlan {
  const openId = local.openIssue.id;
  const items = new Map(local.clippings.map((clipping) => [clipping.id, clipping]));
  const localIds = new Set(items.keys());
  const revised = new Set<string>();
  const notesOnly = new Set<string>();
  const absorbedBy = new Map<string, string>();
  for (const clipping of local.clippings) {
    for (const other of clipping.otherNotes ?? []) absorbedBy.set(other.id, clipping.id);
  }
  const byUrl = new Map<string, string>();
  const claimUrl = (clipping: Clipping) => {
    const key = urlMatchKey(clipping.url);
    if (clipping.url !== '' && !byUrl.has(key)) byUrl.set(key, clipping.id);
  };
  local.clippings
    .filter((clipping) => clipping.issueId === openId)
    .sort(compareItemOrder)
    .forEach(claimUrl);
  const mapCategory = categoryMapper(local.categories);
  // Published issues are frozen: a file never changes what was sent out.
  const frozen = (clipping: Clipping) => clipping.issueId !== null && clipping.issueId !== openId;
  const put = (clipping: Clipping) => items.set(clipping.id, clipping);

  function merge({ clipping: incoming, file }: Incoming): keyof TeamMergeCounts {
    const clippedBy = incoming.clippedBy || file.member;
    const existing = items.get(incoming.id);
    if (existing) {
      if (frozen(existing) || incoming.updatedAt <= existing.updatedAt) return 'unchanged';
      // The member's fields; where the editor put it (issue, position, carry-over) and notes merged into it stay.
      const { url, title, note, updatedAt } = incoming;
      const categoryId = mapCategory(incoming.categoryId, file);
      const next = { ...existing, url, title, note, categoryId, clippedBy, updatedAt };
      put(next);
      revised.add(existing.id);
      const oldKey = urlMatchKey(existing.url);
      if (byUrl.get(oldKey) === existing.id && urlMatchKey(url) !== oldKey) byUrl.delete(oldKey);
      if (existing.issueId === openId) claimUrl(next);
      return 'updated';
    }
    const other: OtherNote = {
      id: incoming.id,
      clippedBy,
      note: incoming.note,
      updatedAt: incoming.updatedAt,
    };
    const absorberId = absorbedBy.get(incoming.id);
    if (absorberId !== undefined) {
      const absorber = items.get(absorberId) as Clipping;
      const previous = absorber.otherNotes?.find((entry) => entry.id === incoming.id);
      if (!previous || frozen(absorber) || incoming.updatedAt <= previous.updatedAt) return 'unchanged';
      const otherNotes = (absorber.otherNotes ?? []).map((entry) => (entry.id === other.id ? other : entry));
      put({ ...absorber, otherNotes });
      notesOnly.add(absorber.id);
      return 'mergedNotes';
    }
    const keeperId = incoming.url === '' ? undefined : byUrl.get(urlMatchKey(incoming.url));
    if (keeperId !== undefined) {
      const keeper = items.get(keeperId) as Clipping;
      const note = incoming.note.trim();
      const notes = [keeper.note, ...(keeper.otherNotes ?? []).map((entry) => entry.note)];
      if (note === '' || notes.some((kept) => kept.trim() === note)) return 'unchanged';
      put({ ...keeper, otherNotes: [...(keeper.otherNotes ?? []), other] });
      absorbedBy.set(incoming.id, keeper.id);
      notesOnly.add(keeper.id);
      return 'mergedNotes';
    }
    const added: Clipping = {
      id: incoming.id,
      url: incoming.url,
      title: incoming.title,
      note: incoming.note,
      categoryId: mapCategory(incoming.categoryId, file),
      issueId: openId,
      // Positions from different members' issues do not compare; like a fresh clip, it goes after the
      // items the editor has arranged, among the others by when it was clipped.
      order: incoming.createdAt,
      carryOver: false,
      clippedBy,
      createdAt: incoming.createdAt,
      updatedAt: incoming.updatedAt,
    };
    put(added);
    claimUrl(added);
    return 'added';
  }

  const counts: TeamMergeCounts = { added: 0, updated: 0, unchanged: 0, mergedNotes: 0 };
  for (const incoming of incomingInMergeOrder(files, (id) => items.has(id) || absorbedBy.has(id))) {
    counts[merge(incoming)] += 1;
  }
  const update = [...localIds]
    .filter((id) => revised.has(id) || notesOnly.has(id))
    .map((id) => {
      const clipping = items.get(id) as Clipping;
      // A change that is only other notes moves updatedAt by 1 ms, not to now: the merge is not an edit,
      // and a member's edit made before this import must still win when their file arrives later.
      return revised.has(id) ? clipping : { ...clipping, updatedAt: clipping.updatedAt + 1 };
    });
  const add = [...items.values()].filter((clipping) => !localIds.has(clipping.id));
  return { add, update, addCategories: mapCategory.added, counts };
}

/**
 * Clippings already known here (by id) come first, so updates compare with the local version; the rest
 * by when they were clipped, so the earliest of several members' clippings of a URL is the one kept,
 * whatever order the files came in. The same id in several files: the newest first.
 */
function incomingInMergeOrder(files: readonly TeamFile[], known: (id: string) => boolean): Incoming[] {
  const all = files.flatMap((file) => file.clippings.map((clipping) => ({ clipping, file })));
  const rank = ({ clipping }: Incoming) => (known(clipping.id) ? 0 : 1);
  return all.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.clipping.createdAt - b.clipping.createdAt ||
      compareText(a.clipping.id, b.clipping.id) ||
      b.clipping.updatedAt - a.clipping.updatedAt,
  );
}

/**
 * A file's category, as a local one: the same id, else the same label, else a new category that keeps
 * the file's id and label (so a second file with it maps to the same one), after the local ones.
 */
function categoryMapper(local: readonly Category[]) {
  const known = sortCategories(local);
  const added: Category[] = [];
  let nextOrder = local.reduce((max, category) => Math.max(max, category.order + 1), 0);
  const map = (id: string, file: TeamFile): string => {
    if (known.some((category) => category.id === id)) return id;
    const label = file.categories.find((category) => category.id === id)?.label ?? id;
    const sameLabel = known.find((category) => category.label.trim() === label.trim());
    if (sameLabel) return sameLabel.id;
    const created: Category = { id, label, order: nextOrder++ };
    known.push(created);
    added.push(created);
    return id;
  };
  return Object.assign(map, { added });
}
