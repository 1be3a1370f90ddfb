import type { Issue } from '../issue';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../settings';
import { type IssueSource, renderZenn, renderZennTitle } from './zenn';

/**
 * The issue as a Zenn article file, as the zenn-cli repository layout expects it: `articles/{slug}.md`
 * with front matter. https://zenn.dev/zenn/articles/zenn-cli-guide
 */

/** Zenn slugs are 12–50 characters of a-z, 0-9, `-` and `_`. */
const SLUG_MAX = 50;
const SLUG = /^[0-9a-z_-]{12,50}$/;

/**
 * The article file's slug: the settings' pattern (`{name}-{date}` by default) filled in and slugified:
 * accents dropped, lower case, every run of other characters one `-`, at most 50 characters. A name
 * with no Latin letters gives `weekly` in its place (`weekly-2023-09-15`).
 */
export function articleSlug(
  settings: Pick<NewsletterSettings, 'name' | 'slugPattern'>,
  issue: Pick<Issue, 'date' | 'number'>,
): string {
  // Accents go, letters stay: `Café Weekly` → `cafe-weekly`.
  const latin = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
  const trimDashes = (text: string) => text.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  const slugify = (text: string) => trimDashes(latin(text).replace(/[^a-z0-9_-]+/g, '-'));
  const name = trimDashes(latin(settings.name).replace(/[^a-z0-9]+/g, '-')) || 'weekly';
  const pattern = settings.slugPattern.trim() || DEFAULT_SETTINGS.slugPattern;
  const fill = (shown: string) =>
    slugify(
      pattern.replace(/\{(name|number|date)\}/g, (_, key: string) =>
        key === 'name' ? shown : key === 'number' ? String(issue.number) : issue.date,
      ),
    );
  let slug = fill(name);
  // Too long: the name gives way, so the number and the date stay whole.
  if (slug.length > SLUG_MAX && pattern.includes('{name}')) {
    slug = fill(name.slice(0, Math.max(1, name.length - (slug.length - SLUG_MAX))).replace(/-+$/, ''));
  }
  return slug.slice(0, SLUG_MAX).replace(/-+$/, '');
}

/** A YAML double-quoted scalar. */
const yamlString = (value: string) =>
  // JSON's escapes are valid in YAML double quotes; YAML 1.2 also forbids raw C1 controls, DEL and
  // U+FFFE/U+FFFF, which JSON.stringify leaves as they are, so those are escaped too.
  JSON.stringify(value).replace(
    /[\u007f-\u009f\ufffe\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export interface ArticleFile {
  filename: string;
  content: string;
}

/** Zenn's rules for an article's front matter (zenn-editor's zenn-validator), checked before download. */
export const ZENN_TITLE_MAX = 70;
export const ZENN_TOPICS_MAX = 5;
export const ZENN_TOPIC_LENGTH_MAX = 18;
const PUBLICATION_NAME = /^[0-9a-z_]{2,15}$/;
/** The ASCII symbols and the space, which Zenn refuses in a topic (zenn-validator). */
const TOPIC_SYMBOL = /[ -/:-@[-`{-~]/;

export type ZennProblem =
  | { code: 'titleTooLong'; length: number }
  | { code: 'emojiNotOne' }
  | { code: 'tooManyTopics'; count: number }
  | { code: 'topicTooLong'; topic: string }
  | { code: 'topicSymbols'; topic: string }
  | { code: 'publicationName'; name: string }
  | { code: 'slug'; slug: string };

/** The topics as the front matter writes them: trimmed, lower case, blanks dropped. */
function frontMatterTopics(settings: NewsletterSettings): string[] {
  return settings.topics.map((topic) => topic.trim().toLowerCase()).filter((topic) => topic !== '');
}

let graphemes: Intl.Segmenter | undefined;

/** One emoji and nothing else: a single grapheme that is a pictograph, a flag or a keycap. */
export function isOneEmoji(text: string): boolean {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const parts = [...graphemes.segment(text)];
  if (parts.length !== 1) return false;
  const [only] = parts;
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|\u20e3/u.test(only?.segment ?? '');
}

/** What keeps the issue's article file from being accepted by Zenn, in the order the form shows them. */
export function zennArticleProblems(source: IssueSource): ZennProblem[] {
  const { settings } = source;
  const problems: ZennProblem[] = [];
  // Zenn counts the title as JavaScript does (UTF-16 code units).
  const title = renderZennTitle(source);
  if (title.length > ZENN_TITLE_MAX) problems.push({ code: 'titleTooLong', length: title.length });
  if (!isOneEmoji(settings.emoji.trim())) problems.push({ code: 'emojiNotOne' });
  const topics = frontMatterTopics(settings);
  if (topics.length > ZENN_TOPICS_MAX) problems.push({ code: 'tooManyTopics', count: topics.length });
  for (const topic of topics) {
    if (TOPIC_SYMBOL.test(topic)) problems.push({ code: 'topicSymbols', topic });
    else if (topic.length > ZENN_TOPIC_LENGTH_MAX) problems.push({ code: 'topicTooLong', topic });
  }
  const publication = settings.publicationName.trim();
  if (publication !== '' && !PUBLICATION_NAME.test(publication)) {
    problems.push({ code: 'publicationName', name: publication });
  }
  const slug = articleSlug(settings, source.issue);
  if (!SLUG.test(slug)) problems.push({ code: 'slug', slug });
  return problems;
}

/**
 * The issue as Zenn's article file. Written as it is even when zennArticleProblems finds something:
 * the options page checks first and downloads only a file Zenn accepts.
 */
export function zennArticleFile(source: IssueSource): ArticleFile {
  const { settings, issue } = source;
  const publication = settings.publicationName.trim();
  const frontMatter = [
    '---',
    `title: ${yamlString(renderZennTitle(source))}`,
    `emoji: ${yamlString(settings.emoji.trim() || DEFAULT_SETTINGS.emoji)}`,
    `type: ${yamlString(settings.zennType)}`,
    `topics: [${frontMatterTopics(settings).map(yamlString).join(', ')}]`,
    'published: false',
    ...(publication === '' ? [] : [`publication_name: ${yamlString(publication)}`]),
    '---',
  ].join('\n');
  return {
    filename: `${articleSlug(settings, issue)}.md`,
    content: `${frontMatter}\n\n${renderZenn(source)}`,
  };
}
