/**
 * Title cleanup at capture: the noise sites put around an article's title (` | Zenn`, ` - Qiita`, an
 * unread counter, GitHub's `Release v0.13.0 · owner/repo · GitHub`) is removed from the clipping's title.
 *
 * Every rule, site-specific or general, is a row of one ordered table (DEFAULT_TITLE_RULES) that the
 * settings page edits as text, one rule per line. A rule is either literal text or one of a few
 * built-in kinds whose logic is code in this file. User text is never turned into a regular expression,
 * and titles are untrusted page text, so every rule runs in time linear in the title's length.
 */

/**
 * Literal kinds; `text` matches as written (case-sensitive) with the whitespace at its ends ignored.
 * - `suffix`: removed where it ends the title;
 * - `prefix`: removed where it starts the title;
 * - `from-last`: its last occurrence and everything after it are removed (a byline: `| by Author`).
 * A match never cuts through a word: when the text starts (ends) with an ASCII letter or digit, the
 * character before (after) the match must not be one. ASCII only, because Japanese has no spaces
 * between words: `｜note` must match in `まとめ｜npaka｜note`.
 */
export type LiteralRuleKind = 'suffix' | 'prefix' | 'from-last';
/** Kinds whose logic is code: see BUILT_IN below. */
export type BuiltInRuleKind =
  | 'counter'
  | 'hashtags'
  | 'github-release'
  | 'github-issue'
  | 'github-pull'
  | 'github-repo';
export type TitleRuleKind = LiteralRuleKind | BuiltInRuleKind;

/** `site`: a host the rule applies to, its subdomains included (`zenn.dev`, `github.com`); absent: any. */
export type TitleRule =
  | { kind: LiteralRuleKind; text: string; site?: string }
  | { kind: BuiltInRuleKind; site?: string };

/**
 * Rules apply in this order, each at most once, to what the rules before it left; a rule that would
 * leave nothing does not apply. Texts are written trimmed so that this table round-trips through
 * formatTitleRules / parseTitleRules unchanged.
 */
export const DEFAULT_TITLE_RULES: readonly TitleRule[] = [
  { kind: 'counter' },
  { site: 'zenn.dev', kind: 'suffix', text: '| Zenn' },
  { site: 'qiita.com', kind: 'suffix', text: '- Qiita' },
  { site: 'qiita.com', kind: 'hashtags' },
  // `タイトル｜著者｜note`: the site name, then the author.
  { site: 'note.com', kind: 'suffix', text: '｜note' },
  { site: 'note.com', kind: 'from-last', text: '｜' },
  // `Title | by Author | Publication | Medium`.
  { site: 'medium.com', kind: 'suffix', text: '| Medium' },
  { site: 'medium.com', kind: 'from-last', text: '| by' },
  { site: 'github.com', kind: 'suffix', text: '· GitHub' },
  { site: 'github.com', kind: 'github-release' },
  { site: 'github.com', kind: 'github-issue' },
  { site: 'github.com', kind: 'github-pull' },
  { site: 'github.com', kind: 'github-repo' },
  { site: 'blog.cybozu.io', kind: 'suffix', text: '- Cybozu Inside Out | サイボウズエンジニアのブログ' },
  { site: 'blog.kintone.io', kind: 'suffix', text: '- Kintone Engineering Blog' },
  { site: 'kubernetes.io', kind: 'suffix', text: '| Kubernetes' },
  { site: 'gihyo.jp', kind: 'suffix', text: '| gihyo.jp' },
  // gihyo.jp's titles before its 2022 redesign.
  { site: 'gihyo.jp', kind: 'suffix', text: '｜gihyo.jp … 技術評論社' },
  { site: 'publickey1.jp', kind: 'suffix', text: '- Publickey' },
  { site: 'publickey1.jp', kind: 'suffix', text: '－ Publickey' },
  { site: 'dev.classmethod.jp', kind: 'suffix', text: '| DevelopersIO' },
  { site: 'thenewstack.io', kind: 'suffix', text: '- The New Stack' },
  { site: 'aws.amazon.com', kind: 'suffix', text: '| AWS News Blog' },
  { site: 'aws.amazon.com', kind: 'suffix', text: '| Containers' },
  { site: 'aws.amazon.com', kind: 'suffix', text: '| Amazon Web Services ブログ' },
  { site: 'aws.amazon.com', kind: 'suffix', text: '| Amazon Web Services' },
  { site: 'infoq.com', kind: 'suffix', text: '- InfoQ' },
  { site: 'grafana.com', kind: 'suffix', text: '| Grafana Labs' },
  { site: 'istio.io', kind: 'prefix', text: 'Istio /' },
  { site: 'speakerdeck.com', kind: 'suffix', text: '- Speaker Deck' },
  { site: 'youtube.com', kind: 'suffix', text: '- YouTube' },
  { site: 'dev.to', kind: 'suffix', text: '- DEV Community' },
  { site: 'x.com', kind: 'suffix', text: '/ X' },
  { site: 'twitter.com', kind: 'suffix', text: '/ Twitter' },
];

export const LITERAL_KINDS: readonly string[] = ['suffix', 'prefix', 'from-last'] satisfies LiteralRuleKind[];

const isWordChar = (char: string | undefined) => char !== undefined && /[A-Za-z0-9]/.test(char);

/** The title without the rule's text, or null when the text is not where the kind needs it. */
function removeLiteral(title: string, kind: LiteralRuleKind, ruleText: string): string | null {
  const text = ruleText.trim();
  if (text === '') return null;
  let at: number;
  if (kind === 'prefix') at = title.startsWith(text) ? 0 : -1;
  else if (kind === 'suffix') at = title.endsWith(text) ? title.length - text.length : -1;
  else at = title.lastIndexOf(text);
  if (at === -1) return null;
  const end = at + text.length;
  if (isWordChar(text[0]) && isWordChar(title[at - 1])) return null;
  if (isWordChar(text.at(-1)) && isWordChar(title[end])) return null;
  return kind === 'prefix' ? title.slice(end) : title.slice(0, at);
}

/** `owner/repo` as GitHub allows them. No two parts of the pattern can match the same character. */
const REPO_SLUG = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** `a · b · owner/repo` (` · GitHub` after it or not) as its parts before the repository and its name. */
function githubPage(title: string): { parts: string[]; repo: string } | null {
  const parts = title.split(' · ');
  if (parts.at(-1) === 'GitHub') parts.pop();
  const slug = parts.pop();
  if (slug === undefined || parts.length === 0 || !REPO_SLUG.test(slug)) return null;
  return { parts, repo: slug.slice(slug.indexOf('/') + 1) };
}

/** `Title · Issue #127 · owner/repo` as `#127 Title`, or null for any other form. */
function numberedGithubPage(title: string, label: 'Issue' | 'Pull Request'): string | null {
  const page = githubPage(title);
  const marker = page?.parts.pop();
  if (!page || marker === undefined || page.parts.length === 0) return null;
  const number = marker.slice(`${label} #`.length);
  if (!marker.startsWith(`${label} #`) || !/^\d+$/.test(number)) return null;
  return `#${number} ${page.parts.join(' · ')}`;
}

/** Lower case, with `-`, `_`, `.` and whitespace runs as one space and a space at each end. */
const looseWords = (text: string) => ` ${text.toLowerCase().replace(/[\s_.-]+/g, ' ')} `;

/**
 * How the built-in kinds clean a title; null when the title is not in their form. GitHub's forms are
 * written the way the team's issues write them (tests cite each heading):
 * - release → `controller-runtime v0.13.0`, the repository's name then the release's
 *   (`### controller-runtime v0.13.0`, `### Stern v1.22.0`), spelled as the repository is, since the
 *   team's casing varies; a name that already says the project (`Kubernetes v1.25.0`) stands alone;
 * - issue and pull request → `#127 Add support for user namespaces` (`### [#127](...) Add support
 *   for user namespaces`), without the PR author GitHub puts after ` by `;
 * - repository → its name alone, `viddy` for `GitHub - sachaos/viddy: 👀 A modern watch command...`
 *   (`### viddy`): the description is what the Zenn link card under the heading shows.
 */
const BUILT_IN: Record<BuiltInRuleKind, (title: string) => string | null> = {
  // Unread counts that mail, chat and video sites put first: `(3) `, `(99+) `.
  counter: (title) => {
    const counter = /^\(\d{1,5}\+?\)\s/.exec(title);
    return counter ? title.slice(counter[0].length) : null;
  },
  // Qiita puts the article's tags after its title: `AppArmor #Security - Qiita`. An article has at
  // most five; `#127` is left alone, as an issue number more likely than a tag.
  hashtags: (title) => {
    let end = title.length;
    for (let tags = 0; tags < 5; tags++) {
      const space = title.lastIndexOf(' ', end - 1);
      const word = title.slice(space + 1, end);
      if (space <= 0 || !word.startsWith('#') || /^#\d*$/.test(word)) break;
      end = space;
    }
    return end === title.length ? null : title.slice(0, end);
  },
  'github-release': (title) => {
    const page = githubPage(title);
    const head = page?.parts.join(' · ') ?? '';
    if (!page || !head.startsWith('Release ')) return null;
    let name = head.slice('Release '.length).trim();
    // A release named `Release v0.10.0` has the page `Release Release v0.10.0 · ...` (controller-tools).
    if (name.startsWith('Release ')) name = name.slice('Release '.length).trim();
    if (name === '') return null;
    return looseWords(name).includes(looseWords(page.repo)) ? name : `${page.repo} ${name}`;
  },
  'github-issue': (title) => numberedGithubPage(title, 'Issue'),
  'github-pull': (title) => {
    const numbered = numberedGithubPage(title, 'Pull Request');
    if (numbered === null) return null;
    const by = numbered.lastIndexOf(' by ');
    const login = numbered.slice(by + ' by '.length);
    return by !== -1 && login !== '' && !/\s/.test(login) ? numbered.slice(0, by) : numbered;
  },
  'github-repo': (title) => {
    if (!title.startsWith('GitHub - ')) return null;
    const rest = title.slice('GitHub - '.length);
    const colon = rest.indexOf(': ');
    const slug = colon === -1 ? rest : rest.slice(0, colon);
    return REPO_SLUG.test(slug) ? slug.slice(slug.indexOf('/') + 1) : null;
  },
};

function applyRule(rule: TitleRule, title: string): string | null {
  switch (rule.kind) {
    case 'suffix':
    case 'prefix':
    case 'from-last':
      return removeLiteral(title, rule.kind, rule.text);
    default:
      return BUILT_IN[rule.kind](title);
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

function appliesTo(site: string | undefined, host: string | null): boolean {
  if (site === undefined) return true;
  const lower = site.toLowerCase();
  return host !== null && (host === lower || host.endsWith(`.${lower}`));
}

/**
 * The title without its site's noise. Trimmed; never empty unless the title was blank: when cleaning
 * would leave nothing, the trimmed original comes back. Site rules apply only when the URL's host is
 * the site or a subdomain of it (an unparsable URL gets only the rules for any site).
 */
export function cleanTitle(
  title: string,
  url: string,
  rules: readonly TitleRule[] = DEFAULT_TITLE_RULES,
): string {
  const original = title.trim();
  const host = hostOf(url);
  let current = original;
  for (const rule of rules) {
    if (current === '' || !appliesTo(rule.site, host)) continue;
    const trimmed = applyRule(rule, current)?.trim();
    if (trimmed) current = trimmed;
  }
  return current === '' ? original : current;
}

/** Every kind a rule can have, literal ones first (title-rules-text.ts reads and writes them). */
export const TITLE_RULE_KINDS: readonly string[] = [...LITERAL_KINDS, ...Object.keys(BUILT_IN)];
