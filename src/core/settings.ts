import type { Weekday } from './calendar';

/** The newsletter's own settings: what every issue is named and introduced with, and who is clipping. */
export interface NewsletterSettings {
  name: string;
  /** The paragraph after the title; `{{name}}`, `{{number}}` and `{{date}}` are filled in per issue. */
  introTemplate: string;
  /** The day of the weekly meeting; a new issue is dated on it. */
  meetingWeekday: Weekday;
  /** This member's name, stored on each clipping as who clipped it. */
  memberName: string;
  /** Zenn front matter for the downloaded article file. */
  emoji: string;
  topics: string[];
  /**
   * The title cleanup rules as the member wrote them on the settings page (title-rules-text.ts), lines
   * in error included; null for the built-in table, which then follows the table of each new version.
   */
  titleRules: string | null;
  /**
   * The signature line after あとがき (「サイボウズ Necoチーム 😺」): Markdown, `{{name}}`, `{{number}}` and
   * `{{date}}` filled in per issue; left out while blank.
   */
  footerTemplate: string;
  /** Zenn's article type: `tech` for technical articles, `idea` for the rest. */
  zennType: ZennType;
  /** The Zenn Publication the team publishes under (`publication_name`); blank for a personal article. */
  publicationName: string;
  /** The article file's slug, `{name}`, `{number}` and `{date}` filled in, then slugified. */
  slugPattern: string;
  /** Whether the toolbar popup closes itself a moment after a save, unless the member goes on typing. */
  closePopupAfterSave: boolean;
}

export type ZennType = 'tech' | 'idea';

export const DEFAULT_SETTINGS: NewsletterSettings = {
  name: 'Weekly',
  introTemplate:
    '{{name}} は、チームで共有した最近気になる記事をまとめたものです。\n\n今回は第{{number}}回目の記事となります。',
  meetingWeekday: 5,
  memberName: '',
  emoji: '📰',
  topics: [],
  titleRules: null,
  footerTemplate: '',
  zennType: 'idea',
  publicationName: '',
  slugPattern: '{name}-{date}',
  closePopupAfterSave: true,
};

export interface TemplateValues {
  name: string;
  number: number;
  date: string;
}

/** Fills `{{name}}`, `{{number}}`, `{{date}}` (spaces inside the braces allowed); other text is left as typed. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(name|number|date)\s*\}\}/g, (_, key: keyof TemplateValues) =>
    String(values[key]),
  );
}

const isWeekday = (value: unknown): value is Weekday =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;

/** Settings read back from storage: each field that is missing or of the wrong type falls back to its default. */
export function parseNewsletterSettings(value: unknown): NewsletterSettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (
    key:
      | 'name'
      | 'introTemplate'
      | 'memberName'
      | 'emoji'
      | 'footerTemplate'
      | 'publicationName'
      | 'slugPattern',
  ) => (typeof record[key] === 'string' ? (record[key] as string) : DEFAULT_SETTINGS[key]);
  const topics = Array.isArray(record.topics)
    ? record.topics.filter((topic) => typeof topic === 'string')
    : // A copy: an edit to the returned settings must not change the defaults.
      [...DEFAULT_SETTINGS.topics];
  return {
    name: text('name'),
    introTemplate: text('introTemplate'),
    memberName: text('memberName'),
    emoji: text('emoji'),
    meetingWeekday: isWeekday(record.meetingWeekday)
      ? record.meetingWeekday
      : DEFAULT_SETTINGS.meetingWeekday,
    topics,
    titleRules: typeof record.titleRules === 'string' ? record.titleRules : null,
    footerTemplate: text('footerTemplate'),
    zennType:
      record.zennType === 'tech' || record.zennType === 'idea' ? record.zennType : DEFAULT_SETTINGS.zennType,
    publicationName: text('publicationName'),
    slugPattern: text('slugPattern'),
    closePopupAfterSave:
      typeof record.closePopupAfterSave === 'boolean'
        ? record.closePopupAfterSave
        : DEFAULT_SETTINGS.closePopupAfterSave,
  };
}
