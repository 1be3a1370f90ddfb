/**
 * The options page's address of a published item, read-only in the archive. Ids are encoded so the hash
 * always splits back into the same two parts.
 */
export function archiveHash(issueId: string, clippingId?: string): string {
  const parts = ['archive', issueId, ...(clippingId === undefined ? [] : [clippingId])];
  return parts.map(encodeURIComponent).join('/');
}

/** The issue and item an `archiveHash` names (a leading `#` is allowed); null for any other hash. */
export function parseArchiveHash(hash: string): { issueId: string; clippingId: string | null } | null {
  const [view, issueId, clippingId, ...rest] = hash.replace(/^#/, '').split('/');
  if (view !== 'archive' || !issueId || rest.length > 0) return null;
  try {
    return {
      issueId: decodeURIComponent(issueId),
      clippingId: clippingId ? decodeURIComponent(clippingId) : null,
    };
  } catch {
    return null;
  }
}
