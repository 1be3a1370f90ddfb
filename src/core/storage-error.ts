import type { MessageKey, Translate } from './messages';

/** Quota, and the writes storage refuses on purpose (src/storage/refusals.ts), by error name. */
const REFUSALS: Readonly<Record<string, MessageKey>> = {
  QuotaExceededError: 'errorQuota',
  PublishedIssueError: 'errorPublishedIssue',
  UnknownCategoryError: 'errorCategoryGone',
};

/**
 * A short, human reason for a failed storage call, for "could not save (…)" messages. Quota gets its own
 * words because it is the one a user can act on; anything else shows the browser's own name for it.
 */
export function describeStorageError(error: unknown): { key: MessageKey } | { text: string } {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const refusal = REFUSALS[name];
  if (refusal) return { key: refusal };
  if (error instanceof Error && error.message) return { text: `${name || 'Error'}: ${error.message}` };
  return { text: name || textOf(error) };
}

/**
 * `String(error)` for anything a promise may reject with; that throws for an object without a prototype
 * or with a throwing `toString`, and a report of a failure must never fail itself.
 */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The message `key` (e.g. "could not save ($1)") with the failure's reason filled in, in the user's language. */
export function storageErrorMessage(t: Translate, key: MessageKey, error: unknown): string {
  const reason = describeStorageError(error);
  return t(key, 'key' in reason ? t(reason.key) : reason.text);
}
