import type { ClipperDatabase } from './db';
import { STRICT } from './db';

export interface SettingsRepository {
  /** The category the last clipping was saved in, for the popup's default. */
  getLastCategoryId(): Promise<string | undefined>;
  setLastCategoryId(id: string): Promise<void>;
}

export const LAST_CATEGORY_KEY = 'lastCategoryId';

export function createSettingsRepository(db: ClipperDatabase): SettingsRepository {
  return {
    async getLastCategoryId() {
      const record = await db.get('settings', LAST_CATEGORY_KEY);
      return typeof record?.value === 'string' ? record.value : undefined;
    },
    async setLastCategoryId(id) {
      const tx = db.transaction('settings', 'readwrite', STRICT);
      await Promise.all([tx.store.put({ key: LAST_CATEGORY_KEY, value: id }), tx.done]);
    },
  };
}
