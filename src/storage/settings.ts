import { type NewsletterSettings, parseNewsletterSettings } from '../core/settings';
import type { ClipperDatabase } from './db';
import {
  LAST_CATEGORY_KEY,
  lastCategoryIdOf,
  NEWSLETTER_KEY,
  SETUP_KEY,
  type SetupOutcome,
  setupDoneOf,
} from './setting-keys';
import { STRICT } from './transactions';

export interface SettingsRepository {
  /** The category the last clipping was saved in, for the popup's default. */
  getLastCategoryId(): Promise<string | undefined>;
  setLastCategoryId(id: string): Promise<void>;
  /** The newsletter's settings, defaults filled in for anything never set. */
  getNewsletter(): Promise<NewsletterSettings>;
  saveNewsletter(settings: NewsletterSettings): Promise<void>;
  /** Whether the first-run setup was saved, skipped or answered by a restore (never asked again then). */
  isSetupDone(): Promise<boolean>;
  markSetupDone(outcome: SetupOutcome): Promise<void>;
}

export {
  LAST_CATEGORY_KEY,
  lastCategoryIdOf,
  NEWSLETTER_KEY,
  SETUP_KEY,
  type SetupOutcome,
} from './setting-keys';

export function createSettingsRepository(db: ClipperDatabase): SettingsRepository {
  const put = async (key: string, value: unknown) => {
    const tx = db.transaction('settings', 'readwrite', STRICT);
    await Promise.all([tx.store.put({ key, value }), tx.done]);
  };
  return {
    getLastCategoryId: async () => lastCategoryIdOf(await db.get('settings', LAST_CATEGORY_KEY)),
    setLastCategoryId: (id) => put(LAST_CATEGORY_KEY, id),
    async getNewsletter() {
      return parseNewsletterSettings((await db.get('settings', NEWSLETTER_KEY))?.value);
    },
    saveNewsletter: (settings) => put(NEWSLETTER_KEY, settings),
    isSetupDone: async () => setupDoneOf(await db.get('settings', SETUP_KEY)),
    markSetupDone: (outcome) => put(SETUP_KEY, outcome),
  };
}
