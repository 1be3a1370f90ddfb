import type { Draft } from '../core/draft';
import type { ClipperDatabase } from './db';
import { STRICT } from './transactions';

export interface DraftRepository {
  get(key: string): Promise<Draft | undefined>;
  save(draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createDraftRepository(db: ClipperDatabase): DraftRepository {
  return {
    get: (key) => db.get('drafts', key),
    async save(draft) {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      await Promise.all([tx.store.put(draft), tx.done]);
    },
    async remove(key) {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      await Promise.all([tx.store.delete(key), tx.done]);
    },
  };
}
