import type { MessageKey } from './messages';

/**
 * A short, human reason for a failed storage call, for "could not save (…)" messages. Quota gets its own
 * words because it is the one a user can act on; anything else shows the browser's own name for it.
 */
export function describeStorageError(error: unknown): { key: MessageKey } | { text: string } {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return { key: 'errorQuota' };
  if (error instanceof Error && error.message) return { text: `${name || 'Error'}: ${error.message}` };
  return { text: name || String(error) };
}
