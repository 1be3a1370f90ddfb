import type { Weekday } from '../core/calendar';

/** The meeting weekdays in the order a Japanese (and ISO) week lists them: Monday first. */
export const MEETING_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** A weekday's name in the UI language: 2023-01-01 was a Sunday, so day n of that week is weekday n. */
export function weekdayName(language: string, day: Weekday): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2023, 0, 1 + day),
  );
}
