/**
 * The settings store's keys. Apart from settings.ts so that the popup's start (popup-start.ts) reads
 * them without the settings parser, which only its save path needs (issue 8: the popup's budget).
 */

export const LAST_CATEGORY_KEY = 'lastCategoryId';
export const NEWSLETTER_KEY = 'newsletter';

/** The remembered category of its settings record, if it holds one. */
export function lastCategoryIdOf(record: { value: unknown } | undefined): string | undefined {
  return typeof record?.value === 'string' ? record.value : undefined;
}

/**
 * Whether the options page's first-run setup is behind this install, apart from the newsletter's own
 * settings: it says nothing about the newsletter, and a backup neither carries nor replaces it.
 */
export const SETUP_KEY = 'setup';

/** How the first-run setup ended: its form saved, skipped, or answered by restoring a backup. */
export type SetupOutcome = 'saved' | 'skipped' | 'restored';

/** Whether a settings record says the setup is done; any stored outcome does. */
export function setupDoneOf(record: { value: unknown } | undefined): boolean {
  return record?.value === 'saved' || record?.value === 'skipped' || record?.value === 'restored';
}

/** The team repository connection (storage/team.ts): this browser's own, never in a backup. */
export const TEAM_REMOTE_KEY = 'teamRemote';
/** When the last team sync went through, and how the last one ended. */
export const TEAM_SYNC_KEY = 'teamSync';
