import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  fillTemplate,
  type NewsletterSettings,
  parseNewsletterSettings,
} from '../../src/core/settings';

const values = { name: '週刊ソダ', number: 12, date: '2024-09-06' };

describe('DEFAULT_SETTINGS', () => {
  it('introduces each issue with its number, in Japanese', () => {
    expect(DEFAULT_SETTINGS.introTemplate).toContain('今回は第{{number}}回目の記事となります。');
    expect(DEFAULT_SETTINGS.introTemplate).toContain('{{name}}');
  });

  it('meets on Fridays, with no member name and no topics', () => {
    expect(DEFAULT_SETTINGS.meetingWeekday).toBe(5);
    expect(DEFAULT_SETTINGS.memberName).toBe('');
    expect(DEFAULT_SETTINGS.topics).toEqual([]);
    expect(DEFAULT_SETTINGS.name).toBe('Weekly');
    expect(DEFAULT_SETTINGS.emoji).toBe('📰');
  });
});

describe('fillTemplate', () => {
  it('fills name, number and date', () => {
    expect(fillTemplate('{{name}} 第{{number}}回 ({{date}})', values)).toBe('週刊ソダ 第12回 (2024-09-06)');
  });

  it('fills the default introduction', () => {
    expect(fillTemplate(DEFAULT_SETTINGS.introTemplate, { ...values, name: 'Weekly' })).toBe(
      'Weekly は、チームで共有した最近気になる記事をまとめたものです。\n\n今回は第12回目の記事となります。',
    );
  });

  it.each(['{{ name }}', '{{name }}', '{{ name}}', '{{   name   }}', '{{\tname\t}}'])(
    'allows spaces inside the braces: %j',
    (placeholder) => {
      expect(fillTemplate(`[${placeholder}]`, values)).toBe('[週刊ソダ]');
    },
  );

  it('fills every occurrence of a placeholder', () => {
    expect(fillTemplate('{{number}}, {{ number }}, {{number}}', values)).toBe('12, 12, 12');
    expect(fillTemplate('{{date}}{{date}}', values)).toBe('2024-09-062024-09-06');
  });

  it.each([
    '{{foo}}',
    '{{ foo }}',
    '{{Name}}',
    '{{NUMBER}}',
    '{name}',
    '{{name}',
    '{{ na me }}',
    '{{}}',
    '{{number1}}',
  ])('leaves %j as typed', (text) => {
    expect(fillTemplate(`a ${text} b`, values)).toBe(`a ${text} b`);
  });

  it('fills a placeholder inside extra braces and keeps the braces around it', () => {
    expect(fillTemplate('{{{name}}}', values)).toBe('{週刊ソダ}');
  });

  it('writes numbers as plain digits, without grouping or decimals', () => {
    expect(fillTemplate('第{{number}}回', { ...values, number: 1 })).toBe('第1回');
    expect(fillTemplate('第{{number}}回', { ...values, number: 1000 })).toBe('第1000回');
    expect(fillTemplate('第{{number}}回', { ...values, number: 1234567 })).toBe('第1234567回');
    expect(fillTemplate('第{{number}}回', { ...values, number: 0 })).toBe('第0回');
  });

  it('inserts values literally, even ones that look like replacement patterns', () => {
    expect(fillTemplate('{{name}}', { ...values, name: "$& $1 $$ $' $`" })).toBe("$& $1 $$ $' $`");
    expect(fillTemplate('{{name}}', { ...values, name: '{{number}}' })).toBe('{{number}}');
  });

  it('returns a template without placeholders unchanged', () => {
    expect(fillTemplate('', values)).toBe('');
    expect(fillTemplate('今週の記事です。\n\n以上。', values)).toBe('今週の記事です。\n\n以上。');
  });
});

describe('parseNewsletterSettings', () => {
  const custom: NewsletterSettings = {
    name: '週刊ソダ',
    introTemplate: '{{name}} 第{{number}}回',
    meetingWeekday: 2,
    memberName: '山田',
    emoji: '🗞️',
    topics: ['react', 'typescript'],
    titleRules: '* counter\nexample.com suffix | Example',
    footerTemplate: '週刊ソダ編集部 {{number}}',
    zennType: 'tech',
    publicationName: 'soda_team',
    slugPattern: 'soda-{number}-{date}',
    closePopupAfterSave: false,
  };

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['Weekly']],
    ['an empty object', {}],
    ['a function', () => custom],
  ])('gives the defaults for %s', (_, value) => {
    expect(parseNewsletterSettings(value)).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('keeps settings that are all valid', () => {
    expect(parseNewsletterSettings(structuredClone(custom))).toStrictEqual(custom);
  });

  it('fills in only the missing fields of partial settings', () => {
    expect(parseNewsletterSettings({ name: '週刊ソダ', meetingWeekday: 1 })).toStrictEqual({
      ...DEFAULT_SETTINGS,
      name: '週刊ソダ',
      meetingWeekday: 1,
    });
  });

  it.each([
    ['name', 42],
    ['name', null],
    ['introTemplate', ['{{name}}']],
    ['introTemplate', undefined],
    ['memberName', { name: '山田' }],
    ['emoji', 1],
    ['topics', 'react'],
    ['topics', { 0: 'react' }],
    ['topics', null],
    ['titleRules', 42],
    ['titleRules', ['* counter']],
    ['titleRules', undefined],
    ['footerTemplate', 7],
    ['zennType', 'news'],
    ['zennType', null],
    ['publicationName', false],
    ['slugPattern', ['{name}']],
    ['closePopupAfterSave', 'false'],
    ['closePopupAfterSave', 0],
    ['meetingWeekday', '5'],
    ['meetingWeekday', -1],
    ['meetingWeekday', 7],
    ['meetingWeekday', 2.5],
    ['meetingWeekday', Number.NaN],
    ['meetingWeekday', null],
  ] as const)('falls back for %s = %j and keeps the other fields', (field, value) => {
    const parsed = parseNewsletterSettings({ ...custom, [field]: value });
    expect(parsed).toStrictEqual({ ...custom, [field]: DEFAULT_SETTINGS[field] });
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('accepts meeting weekday %i', (weekday) => {
    expect(parseNewsletterSettings({ meetingWeekday: weekday }).meetingWeekday).toBe(weekday);
  });

  it('keeps only the string topics, in order', () => {
    const parsed = parseNewsletterSettings({ topics: ['react', 1, null, 'ts', { name: 'x' }, ['y'], ''] });
    expect(parsed.topics).toEqual(['react', 'ts', '']);
  });

  it('keeps empty strings as typed', () => {
    expect(parseNewsletterSettings({ ...custom, memberName: '', introTemplate: '' })).toMatchObject({
      memberName: '',
      introTemplate: '',
    });
  });

  it('drops fields it does not know', () => {
    const parsed = parseNewsletterSettings({ ...custom, theme: 'dark', version: 3 });
    expect(Object.keys(parsed).sort()).toEqual([
      'closePopupAfterSave',
      'emoji',
      'footerTemplate',
      'introTemplate',
      'meetingWeekday',
      'memberName',
      'name',
      'publicationName',
      'slugPattern',
      'titleRules',
      'topics',
      'zennType',
    ]);
  });

  it('never hands out the defaults’ own topics array', () => {
    const parsed = parseNewsletterSettings(undefined);
    parsed.topics.push('leaked');
    expect(DEFAULT_SETTINGS.topics).toEqual([]);
    expect(parseNewsletterSettings(null).topics).toEqual([]);
  });

  it('returns a new topics array, not the one it was given', () => {
    const topics = ['react'];
    expect(parseNewsletterSettings({ topics }).topics).not.toBe(topics);
  });
});
