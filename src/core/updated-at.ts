/**
 * The `updatedAt` a record gets when it changes: now, but never at or before its previous value, so a
 * clock that went backwards (or two writes in one millisecond) still makes the new version the newer
 * one in every merge that compares them.
 */
export function nextUpdatedAt(record: { updatedAt: number }, now: number): number {
  return Math.max(now, record.updatedAt + 1);
}
