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
