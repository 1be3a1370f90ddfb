import { type Category, sortCategories } from '../category';
import type { Clipping } from '../clipping';
import type { Deletion } from '../deletion';
import { compareItemOrder, type Issue } from '../issue';
import { canonicalJson, compareCodeUnits, type FileError, isObject } from '../transfer/json-file';
import {
  memberSlug,
  parseTeamFile,
  TEAM_FILE_FORMAT,
  type TeamFile,
  teamClippingOf,
} from '../transfer/team-file';

/**
 * A member's file on the team's sync branch (issue 11): `clips/{issue date}/{member}.jsonl`, one per
 * member per issue, written only by that member. It holds the team file's records (team-file.ts), one
 * JSON value per line, so that git keeps one line per clipping and a diff shows what changed:
 *
 * ```text
 * {"categories":[…],"format":"weekly-clipper-team","issue":{"date":"2023-09-15","number":41},"member":"佐藤","version":2}
 * {"clipping":{"categoryId":"tools","clippedBy":"佐藤",…}}
 * {"deletion":{"deletedAt":1694569000000,"deletedBy":"佐藤","id":"9a2e…"}}
 * ```
 *
 * The first line is the header; clippings follow in the team file's order, then deletions by id. There
 * is no export time: the same clippings give the same bytes, so a sync with nothing new commits nothing.
 * Read back, it is checked by the team file's own rules (parseTeamFile) and merged by its merge.
 */

/** The team file's version that carries deletions; version 1 files (downloads) have none. */
export const MEMBER_FILE_VERSION = 2;

/** The folder of one issue's member files on the sync branch. */
export function issueFolder(issue: Pick<Issue, 'date'>): string {
  return `clips/${issue.date}`;
}

/** `clips/2023-09-15/佐藤.jsonl`. */
export function memberFilePath(member: string, issue: Pick<Issue, 'date'>): string {
  return `${issueFolder(issue)}/${memberSlug(member)}.jsonl`;
}

export interface MemberFileSource {
  issue: Pick<Issue, 'id' | 'number' | 'date' | 'createdAt'>;
  /** Every local clipping: only the member's own items of the issue, not carried over, are written. */
  clippings: readonly Clipping[];
  categories: readonly Category[];
  /** Every local tombstone: only the member's own, made since the issue opened, are written. */
  deletions: readonly Deletion[];
  /** The member's name from the settings. */
  member: string;
}

/** Whether a clipping is this member's to write: clipped in this browser, or by this name elsewhere. */
function isOwn(clipping: Clipping, member: string): boolean {
  return clipping.clippedBy === member || clipping.clippedBy === '';
}

/** The member's file as text: the same data gives the same bytes. */
export function createMemberFile({
  issue,
  clippings,
  categories,
  deletions,
  member,
}: MemberFileSource): string {
  const sorted = sortCategories(categories);
  const rank = new Map(sorted.map((category, index) => [category.id, index]));
  const rankOf = (id: string) => rank.get(id) ?? sorted.length;
  const items = clippings
    .filter((clipping) => clipping.issueId === issue.id && !clipping.carryOver && isOwn(clipping, member))
    .sort(
      (a, b) =>
        rankOf(a.categoryId) - rankOf(b.categoryId) ||
        compareCodeUnits(a.categoryId, b.categoryId) ||
        compareItemOrder(a, b),
    );
  const labels = new Map(categories.map((category) => [category.id, category.label]));
  const usedIds = [...new Set(items.map((item) => item.categoryId))];
  const header = {
    format: TEAM_FILE_FORMAT,
    version: MEMBER_FILE_VERSION,
    member,
    issue: { number: issue.number, date: issue.date },
    categories: usedIds.map((id) => ({ id, label: labels.get(id) ?? id })),
  };
  const own = deletions
    .filter((deletion) => deletion.deletedBy === member && deletion.deletedAt >= issue.createdAt)
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  const lines = [
    canonicalJson(header),
    ...items.map((item) => canonicalJson({ clipping: teamClippingOf(item, member) })),
    ...own.map(({ id, deletedBy, deletedAt }) => canonicalJson({ deletion: { id, deletedBy, deletedAt } })),
  ];
  return `${lines.join('\n')}\n`;
}

export type MemberFileParse = { ok: true; file: TeamFile } | { ok: false; errors: FileError[] };

/**
 * Reads a member's file from the sync branch. Each line must be one JSON value: the header, then
 * `{"clipping":…}` and `{"deletion":…}` records. The records are then checked as a team file is, so
 * every problem is listed with its place (`clippings[2].url`, `deletions[0].deletedAt`).
 */
export function parseMemberFile(text: string): MemberFileParse {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const records: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    try {
      records.push(JSON.parse(line));
    } catch {
      return { ok: false, errors: [{ code: 'not-json', path: '', reason: 'syntax', line: index + 1 }] };
    }
  }
  const [header, ...rest] = records;
  if (!isObject(header)) return { ok: false, errors: [{ code: 'wrong-format', path: '' }] };
  const clippings: unknown[] = [];
  const deletions: unknown[] = [];
  for (const record of rest) {
    if (isObject(record) && 'clipping' in record) clippings.push(record.clipping);
    else if (isObject(record) && 'deletion' in record) deletions.push(record.deletion);
    else return { ok: false, errors: [{ code: 'wrong-format', path: '' }] };
  }
  // The team file's checks, on the same records as one object (exportedAt is not kept in git).
  const asTeamFile = { exportedAt: '1970-01-01T00:00:00.000Z', ...header, clippings, deletions };
  return parseTeamFile(JSON.stringify(asTeamFile));
}
