import type { Issue } from '../issue';
import { type IssueSource, renderZenn, renderZennTitle } from './zenn';

/**
 * The issue as a Zenn article file, as the zenn-cli repository layout expects it: `articles/{slug}.md`
 * with front matter. https://zenn.dev/zenn/articles/zenn-cli-guide
 */

/** Zenn slugs are 12–50 characters of a-z, 0-9, `-` and `_`. */
const SLUG_MAX = 50;

/** `neco-weekly-2023-09-15` from "Neco Weekly" and the 号 date; a name with no Latin letters gives `weekly-…`. */
export function articleSlug(name: string, issue: Pick<Issue, 'date'>): string {
  const base =
    name
      .normalize('NFKD')
      // Accents go, letters stay: `Café Weekly` → `cafe-weekly`.
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'weekly';
  const suffix = `-${issue.date}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
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

export function zennArticleFile(source: IssueSource): ArticleFile {
  const { settings, issue } = source;
  const topics = settings.topics
    .map((topic) => topic.trim().toLowerCase())
    .filter((topic) => topic !== '')
    .slice(0, 5);
  const frontMatter = [
    '---',
    `title: ${yamlString(renderZennTitle(source))}`,
    `emoji: ${yamlString(settings.emoji || '📰')}`,
    'type: "idea"',
    `topics: [${topics.map(yamlString).join(', ')}]`,
    'published: false',
    '---',
  ].join('\n');
  return {
    filename: `${articleSlug(settings.name, issue)}.md`,
    content: `${frontMatter}\n\n${renderZenn(source)}`,
  };
}
