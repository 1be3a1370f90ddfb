/**
 * Calendar dates as `YYYY-MM-DD` strings (the 号 date). Arithmetic runs in UTC on the date alone so a
 * time zone or a daylight-saving change can never shift an issue by a day.
 */

/** 0 = Sunday ... 6 = Saturday, as `Date#getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

export function weekdayOf(date: string): Weekday {
  return toUtc(date).getUTCDay() as Weekday;
}

/** The first date on or after `today` that falls on `weekday` (today itself when it is the meeting day). */
export function nextWeekday(today: string, weekday: Weekday): string {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

/** The local calendar date of a moment, as the user's wall clock shows it. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
