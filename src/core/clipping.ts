import { hasUrlOrTitle, isHttpUrlInput } from './fields';
import type { MessageKey } from './messages';
import { nextUpdatedAt } from './updated-at';
import { removeTrackingParams } from './url';

/** One saved article (or, later, an item without URL) with the team's comment on it. */
export interface Clipping {
  id: string;
  /** Cleaned of tracking parameters when saved; otherwise byte for byte what the user had. */
  url: string;
  title: string;
  /** The user's comment, Markdown, as typed. */
  note: string;
  categoryId: string;
  /** The issue this item belongs to; null while it waits in the backlog. */
  issueId: string | null;
  /** Position within its section of the issue; lower first. New items get their creation time, so they go last. */
  order: number;
  /** Marked to move to the next issue when this one is published. */
  carryOver: boolean;
  /** The member who clipped it (their name from the settings), for teams. */
  clippedBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /**
   * Notes from other members' clippings of the same URL, folded into this item by a team merge
   * (src/core/transfer/team-merge.ts) for the editor to combine by hand. Absent on items nobody merged into.
   */
  otherNotes?: OtherNote[];
  /**
   * What the page said of itself when it was clipped (core/page-facts.ts): its `og:site_name` and its
   * `<html lang>`. Absent where the page said nothing or could not be read, and on older clippings.
   */
  siteName?: string;
  language?: string;
}

/** Another member's note on the same article; `id` and `updatedAt` are those of their clipping. */
export interface OtherNote {
  id: string;
  clippedBy: string;
  note: string;
  updatedAt: number;
  /**
   * Their clipping's URL and title when last merged, so a later correction of either is seen as one
   * (docs/team-merge.md). Absent on notes merged before they were kept.
   */
  url?: string;
  title?: string;
}

/** Where a new clipping goes and who made it. */
export interface ClippingOrigin {
  issueId: string | null;
  clippedBy: string;
  siteName?: string;
  language?: string;
}

/** What a person edits: the fields of a clipping they type or pick. */
export interface ClippingFields {
  url: string;
  title: string;
  note: string;
  categoryId: string;
}

export type ClippingProblem = 'url-missing' | 'url-not-http' | 'title-missing' | 'category-missing';

/** The message that explains each problem to the user. */
export const PROBLEM_MESSAGES: Readonly<Record<ClippingProblem, MessageKey>> = {
  'url-missing': 'errorUrlMissing',
  'url-not-http': 'errorUrlNotHttp',
  'title-missing': 'errorTitleMissing',
  'category-missing': 'errorCategoryMissing',
};

/** The field each problem is about, where a form shows its message. */
export const PROBLEM_FIELD: Readonly<Record<ClippingProblem, keyof ClippingFields>> = {
  'url-missing': 'url',
  'url-not-http': 'url',
  'title-missing': 'title',
  'category-missing': 'categoryId',
};

/**
 * Problems that stop these fields from being saved, in the order a form shows them. A clipping from a
 * page needs its URL; an item added by hand (a Q&A, a note of the team's own) may have none, but then
 * needs a title.
 */
export function validateClippingFields(
  fields: ClippingFields,
  { urlRequired = true } = {},
): ClippingProblem[] {
  const problems: ClippingProblem[] = [];
  const url = fields.url.trim();
  if (url === '' && urlRequired) problems.push('url-missing');
  else if (url !== '' && !isHttpUrlInput(url)) problems.push('url-not-http');
  if (!hasUrlOrTitle(fields)) problems.push('title-missing');
  if (fields.categoryId === '') problems.push('category-missing');
  return problems;
}

/** The fields as they are stored: URL cleaned, title on one line, a missing title replaced by the URL. */
export function normalizeFields(fields: ClippingFields): ClippingFields {
  // Trimmed again: removing `?utm_source=x` from `https://a/ ?utm_source=x` leaves a trailing space.
  const url = removeTrackingParams(fields.url.trim()).trim();
  const title = fields.title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return { url, title: title === '' ? url : title, note: fields.note, categoryId: fields.categoryId };
}

export function createClipping(
  fields: ClippingFields,
  origin: ClippingOrigin,
  id: string,
  now: number,
): Clipping {
  return {
    id,
    ...normalizeFields(fields),
    ...origin,
    order: now,
    carryOver: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** A new version of the clipping with these fields; `updatedAt` never goes backwards. */
export function reviseClipping(clipping: Clipping, fields: ClippingFields, now: number): Clipping {
  return { ...clipping, ...normalizeFields(fields), updatedAt: nextUpdatedAt(clipping, now) };
}

/** Newest first; ties broken by id so the order is stable. */
export function compareNewestFirst(a: Clipping, b: Clipping): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
