import type { Issue } from './issue';
import { type IssueSource, renderZenn, renderZennTitle } from './render-zenn';

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
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'weekly';
  const suffix = `-${issue.date}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A YAML double-quoted scalar: JSON's string escapes are valid YAML, so JSON.stringify is exact. */
const yamlString = (value: string) => JSON.stringify(value);

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
