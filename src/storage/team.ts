import {
  parseTeamRemote,
  parseTeamSync,
  type TeamRemoteConfig,
  type TeamSyncRecord,
} from '../core/team-remote';
import type { ClipperDatabase } from './db';
import { TEAM_REMOTE_KEY, TEAM_SYNC_KEY } from './setting-keys';

/**
 * The team repository connection and its sync state (issue 11), each under its own settings key:
 * outside backups and team files (bulk.ts writes and replaces only the newsletter's key), so the token
 * never leaves this browser's extension storage.
 */
export interface TeamRepository {
  getRemote(): Promise<TeamRemoteConfig | null>;
  saveRemote(config: TeamRemoteConfig): Promise<void>;
  /** Forgets the connection (and the token) and the sync state. */
  disconnect(): Promise<void>;
  getSync(): Promise<TeamSyncRecord>;
  saveSync(record: TeamSyncRecord): Promise<void>;
}

export function createTeamRepository(db: ClipperDatabase): TeamRepository {
  return {
    getRemote: async () => parseTeamRemote((await db.get('settings', TEAM_REMOTE_KEY))?.value),
    saveRemote: async (config) => {
      await db.put('settings', { key: TEAM_REMOTE_KEY, value: { ...config } });
    },
    disconnect: async () => {
      const tx = db.transaction('settings', 'readwrite');
      await Promise.all([tx.store.delete(TEAM_REMOTE_KEY), tx.store.delete(TEAM_SYNC_KEY), tx.done]);
    },
    getSync: async () => parseTeamSync((await db.get('settings', TEAM_SYNC_KEY))?.value),
    saveSync: async (record) => {
      await db.put('settings', { key: TEAM_SYNC_KEY, value: { ...record } });
    },
  };
}
