import type { Clipping } from './clipping';

/**
 * A tombstone: the record that a clipping was deleted, by whom and when. Without it, importing a team
 * file or a backup that still holds the clipping would bring it back ("1 added") after the editor had
 * deleted it; with it, importing the same file again changes nothing.
 */
export interface Deletion {
  /** The id of the deleted clipping (or of another member's clipping folded into it). */
  id: string;
  /** The member name of whoever deleted it, from the settings. */
  deletedBy: string;
  /** Milliseconds since the epoch. */
  deletedAt: number;
}

/** The tombstones deleting `clipping` leaves: for it and for every member's clipping folded into it. */
export function deletionsFor(clipping: Clipping, deletedBy: string, now: number): Deletion[] {
  const ids = [clipping.id, ...(clipping.otherNotes ?? []).map((other) => other.id)];
  return ids.map((id) => ({ id, deletedBy, deletedAt: Math.max(now, clipping.updatedAt) }));
}

/**
 * Whether a version of a record last changed at `updatedAt` was deleted afterwards. A version edited
 * after the deletion is newer than it, and wins, as any newer version does.
 */
export function isDeleted(
  deletions: ReadonlyMap<string, Deletion>,
  record: { id: string; updatedAt: number },
): boolean {
  const deletion = deletions.get(record.id);
  return deletion !== undefined && deletion.deletedAt >= record.updatedAt;
}

/** By id, the later deletion of each record. */
export function deletionsById(...lists: readonly (readonly Deletion[] | undefined)[]): Map<string, Deletion> {
  const byId = new Map<string, Deletion>();
  for (const deletion of lists.flatMap((list) => list ?? [])) {
    const known = byId.get(deletion.id);
    if (!known || known.deletedAt < deletion.deletedAt) byId.set(deletion.id, deletion);
  }
  return byId;
}
