import { describe, expect, it } from 'vitest';
import {
  needsSetup,
  readSetup,
  type SetupForm,
  setUpIssue,
  setupForm,
  withWeekday,
} from '../../src/core/first-run';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { makeIssue } from '../support/factories';

// 2023-09-13 was a Wednesday; the meeting is on Friday (5) by default.
const TODAY = '2023-09-13';
const FORM: SetupForm = setupForm(DEFAULT_SETTINGS, undefined, TODAY);

describe('first-run setup: the form', () => {
  it('starts at 第1回 on the next meeting day, with the settings as they are', () => {
    expect(FORM).toEqual({
      name: DEFAULT_SETTINGS.name,
      introTemplate: DEFAULT_SETTINGS.introTemplate,
      meetingWeekday: 5,
      footerTemplate: '',
      memberName: '',
      number: '1',
      date: '2023-09-15',
    });
    expect(setupForm(DEFAULT_SETTINGS, undefined, '2023-09-15').date).toBe('2023-09-15');
  });

  it('is prefilled with the open issue when there is one', () => {
    const form = setupForm(
      { ...DEFAULT_SETTINGS, name: 'Neco Weekly' },
      { number: 41, date: '2023-09-08' },
      TODAY,
    );
    expect([form.name, form.number, form.date]).toEqual(['Neco Weekly', '41', '2023-09-08']);
  });

  it('moves a proposed date with the weekday, and keeps a typed one', () => {
    expect(withWeekday(FORM, 1, TODAY)).toMatchObject({ meetingWeekday: 1, date: '2023-09-18' });
    expect(withWeekday({ ...FORM, date: '2023-10-06' }, 1, TODAY)).toMatchObject({
      meetingWeekday: 1,
      date: '2023-10-06',
    });
  });
});

describe('first-run setup: reading the form', () => {
  const errorsOf = (change: Partial<SetupForm>) => {
    const read = readSetup({ ...FORM, ...change });
    return read.ok ? {} : read.errors;
  };

  it('takes 第41回 on 2023-09-15 with the settings, the name trimmed', () => {
    expect(
      readSetup({ ...FORM, name: ' Neco Weekly ', number: '41', date: '2023-09-15', memberName: 'さとう' }),
    ).toEqual({
      ok: true,
      choice: {
        settings: {
          name: 'Neco Weekly',
          introTemplate: DEFAULT_SETTINGS.introTemplate,
          meetingWeekday: 5,
          footerTemplate: '',
          memberName: 'さとう',
        },
        issue: { number: 41, date: '2023-09-15' },
      },
    });
  });

  it('reads full-width digits and slashes as typed with a Japanese IME', () => {
    const read = readSetup({ ...FORM, number: '４１', date: '２０２３／９／１５' });
    expect(read.ok && read.choice.issue).toEqual({ number: 41, date: '2023-09-15' });
  });

  it('needs a name', () => {
    expect(errorsOf({ name: '' })).toEqual({ name: 'setupNameRequired' });
    expect(errorsOf({ name: ' \u3000' })).toEqual({ name: 'setupNameRequired' });
  });

  it.each(['0', '-1', '1.5', '4.0', '1e3', '', 'abc', '9007199254740993'])(
    'refuses %j as a number',
    (number) => {
      expect(errorsOf({ number })).toEqual({ number: 'setupNumberInvalid' });
    },
  );

  it('tells a date that does not exist from one not written as a date', () => {
    expect(errorsOf({ date: '2023-02-30' })).toEqual({ date: 'setupDateImpossible' });
    expect(errorsOf({ date: '2023-02-29' })).toEqual({ date: 'setupDateImpossible' });
    expect(errorsOf({ date: '2023-13-01' })).toEqual({ date: 'setupDateImpossible' });
    expect(errorsOf({ date: '2024-02-29' })).toEqual({});
    expect(errorsOf({ date: '2023-09' })).toEqual({ date: 'setupDateFormat' });
    expect(errorsOf({ date: '15.09.2023' })).toEqual({ date: 'setupDateFormat' });
    expect(errorsOf({ date: '' })).toEqual({ date: 'setupDateFormat' });
  });

  it('says every wrong field at once', () => {
    expect(errorsOf({ name: '', number: '0', date: '2023-02-30' })).toEqual({
      name: 'setupNameRequired',
      number: 'setupNumberInvalid',
      date: 'setupDateImpossible',
    });
  });
});

describe('first-run setup: when and what', () => {
  it('is offered only to an install that never answered it and has made nothing', () => {
    expect(needsSetup({ done: false, issues: 0, clippings: 0 })).toBe(true);
    expect(needsSetup({ done: true, issues: 0, clippings: 0 })).toBe(false);
    expect(needsSetup({ done: false, issues: 1, clippings: 0 })).toBe(false);
    expect(needsSetup({ done: false, issues: 0, clippings: 1 })).toBe(false);
  });

  it('renumbers and redates the open issue, its updatedAt moving on; an unchanged one is left as it is', () => {
    const open = makeIssue({ number: 1, date: '2023-09-15', updatedAt: 5_000 });
    expect(setUpIssue(open, { number: 41, date: '2023-09-15' }, 4_000)).toEqual({
      ...open,
      number: 41,
      updatedAt: 5_001,
    });
    expect(setUpIssue(open, { number: 1, date: '2023-09-15' }, 9_000)).toBe(open);
  });
});
