import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { localIsoDate } from '../../core/calendar';
import { firstIssue } from '../../core/issue';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { ClipperDBV2, ClippingRecordV1, ClippingRecordV2 } from '../schema';
import type { MigrationContext } from './index';

/** The id of the issue this migration opens for clippings made before issues existed. */
export const MIGRATED_ISSUE_ID = 'issue-migrated-v2';

/**
 * Version 2: the `issues` store, and each clipping's place in an issue. Clippings made with version 1
 * join a newly opened 第1回 (dated on the next default meeting day) in the order they were clipped, so
 * nobody's week of clippings is lost or stranded in a backlog.
 */
export async function addIssues(
  db: IDBPDatabase<ClipperDBV2>,
  tx: IDBPTransaction<ClipperDBV2, StoreNames<ClipperDBV2>[], 'versionchange'>,
  { now }: MigrationContext,
): Promise<void> {
  db.createObjectStore('issues', { keyPath: 'id' }).createIndex('byStatus', 'status');
  const clippings = tx.objectStore('clippings');
  clippings.createIndex('byIssueId', 'issueId');

  let cursor = await clippings.openCursor();
  if (!cursor) return;
  const issue = firstIssue(
    MIGRATED_ISSUE_ID,
    localIsoDate(new Date(now)),
    DEFAULT_SETTINGS.meetingWeekday,
    now,
  );
  await tx.objectStore('issues').put(issue);
  while (cursor) {
    const old = cursor.value as unknown as ClippingRecordV1;
    const upgraded: ClippingRecordV2 = {
      ...old,
      issueId: issue.id,
      order: old.createdAt,
      carryOver: false,
      clippedBy: '',
    };
    await cursor.update(upgraded);
    cursor = await cursor.continue();
  }
}
