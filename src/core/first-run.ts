import { isIsoDate, nextWeekday, type Weekday } from './calendar';
import { isIssueNumber } from './fields';
import type { Issue, IssueDraft } from './issue';
import type { NewsletterSettings } from './settings';
import { nextUpdatedAt } from './updated-at';

/**
 * The first-run setup (issue 10): a fresh install opens on 第1回, but a team already at 第41回 says so
 * before its first issue, together with the few settings every issue is written with.
 */

/** The settings the setup asks for; the rest (Zenn front matter, title rules) keep their defaults. */
export type SetupSettings = Pick<
  NewsletterSettings,
  'name' | 'introTemplate' | 'meetingWeekday' | 'footerTemplate' | 'memberName'
>;

/** The setup form as typed: the number and date as text, so that a value that cannot be saved is named. */
export interface SetupForm extends SetupSettings {
  number: string;
  date: string;
}

/** What a valid form saves: the settings, and the number and date of the open issue. */
export interface SetupChoice {
  settings: SetupSettings;
  issue: IssueDraft;
}

export type SetupField = 'name' | 'number' | 'date';
export type SetupError =
  | 'setupNameRequired'
  | 'setupNumberInvalid'
  | 'setupDateFormat'
  | 'setupDateImpossible';
export type SetupErrors = Partial<Record<SetupField, SetupError>>;

/** Whether to offer the setup: never done, and nothing made yet (an existing user never sees it). */
export function needsSetup({
  done,
  issues,
  clippings,
}: {
  done: boolean;
  issues: number;
  clippings: number;
}) {
  return !done && issues === 0 && clippings === 0;
}

/**
 * The form prefilled: the settings as they are (the defaults on a fresh install), and the open issue's
 * number and date, or 第1回 on the next meeting day (today when it is one) as `firstIssue` would open it.
 */
export function setupForm(
  settings: NewsletterSettings,
  open: Pick<Issue, 'number' | 'date'> | undefined,
  today: string,
): SetupForm {
  return {
    name: settings.name,
    introTemplate: settings.introTemplate,
    meetingWeekday: settings.meetingWeekday,
    footerTemplate: settings.footerTemplate,
    memberName: settings.memberName,
    number: String(open?.number ?? 1),
    date: open?.date ?? nextWeekday(today, settings.meetingWeekday),
  };
}

/**
 * Another meeting weekday: a date still on the old weekday's next meeting day follows to the new one's;
 * a date the person typed stays as typed.
 */
export function withWeekday(form: SetupForm, weekday: Weekday, today: string): SetupForm {
  const followed = form.date === nextWeekday(today, form.meetingWeekday);
  return { ...form, meetingWeekday: weekday, date: followed ? nextWeekday(today, weekday) : form.date };
}

// Digits, hyphens and slashes typed in full width with a Japanese IME read as their ASCII forms (NFKC).
const typed = (text: string) => text.normalize('NFKC').trim();

const DATE_SHAPE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** `2023-09-15`, also written `2023/9/15`; a date of that shape that does not exist is its own error. */
function readDate(text: string): { date: string } | { error: SetupError } {
  const match = DATE_SHAPE.exec(typed(text));
  if (!match) return { error: 'setupDateFormat' };
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? { date } : { error: 'setupDateImpossible' };
}

/** A whole number from 1 (isIssueNumber), as digits only: `1e3` or `4.0` is not how anyone numbers an issue. */
function readNumber(text: string): number | undefined {
  const digits = typed(text);
  if (!/^\d+$/.test(digits)) return undefined;
  const number = Number(digits);
  return isIssueNumber(number) ? number : undefined;
}

/** The form's choice, or what is wrong with it, field by field. */
export function readSetup(
  form: SetupForm,
): { ok: true; choice: SetupChoice } | { ok: false; errors: SetupErrors } {
  const { number: numberText, date: dateText, ...settings } = form;
  const errors: SetupErrors = {};
  const name = settings.name.trim();
  if (name === '') errors.name = 'setupNameRequired';
  const number = readNumber(numberText);
  if (number === undefined) errors.number = 'setupNumberInvalid';
  const date = readDate(dateText);
  if ('error' in date) errors.date = date.error;
  if (number === undefined || 'error' in date || errors.name) return { ok: false, errors };
  return { ok: true, choice: { settings: { ...settings, name }, issue: { number, date: date.date } } };
}

/** The open issue renumbered and redated as the setup says (the same object when nothing changes). */
export function setUpIssue(open: Issue, { number, date }: IssueDraft, now: number): Issue {
  if (open.number === number && open.date === date) return open;
  return { ...open, number, date, updatedAt: nextUpdatedAt(open, now) };
}
