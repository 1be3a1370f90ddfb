import { cleanTitle, DEFAULT_TITLE_RULES, type TitleRule } from './title-cleanup';
import { parseTitleRules } from './title-rules-text';
import { isHttpUrl, removeTrackingParams, urlMatchKey } from './url';

/**
 * What a page says of itself in its `<head>`, read when it is clipped (platform/page-facts.ts reads it
 * with the toolbar click's activeTab grant). Every value is untrusted page text: pageFactsOf keeps only
 * what passes its checks, and an unreadable page has none of them.
 */
export interface PageFacts {
  /** `<link rel=canonical>`, resolved against the page and cleaned of tracking parameters. */
  canonical?: string;
  /** `<meta property="og:title">`. */
  ogTitle?: string;
  /** `<meta property="og:site_name">`. */
  siteName?: string;
  /** `<html lang>`, as a BCP 47 tag (`ja`, `en-US`). */
  language?: string;
}

/** Longer texts are cut: a site name or title past this is not one a heading would use. */
export const PAGE_TEXT_LIMIT = 300;
/** A canonical URL longer than this is ignored (browsers cap address bars near here). */
export const CANONICAL_LIMIT = 2048;

const BCP47 = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text, at most PAGE_TEXT_LIMIT code points, or undefined when nothing is left. */
function pageText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  const points = Array.from(line);
  return points.length > PAGE_TEXT_LIMIT ? points.slice(0, PAGE_TEXT_LIMIT).join('').trim() : line;
}

function canonicalOf(value: unknown, pageUrl: string): string | undefined {
  if (typeof value !== 'string' || value.length > CANONICAL_LIMIT) return undefined;
  let resolved: string;
  try {
    resolved = new URL(value.trim(), pageUrl).href;
  } catch {
    return undefined;
  }
  // A parsed href holds no spaces or control characters (the parser encodes or drops them).
  const cleaned = removeTrackingParams(resolved);
  return isHttpUrl(cleaned) ? cleaned : undefined;
}

function languageOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // `ja_JP` is common in the wild (a locale name, not a language tag): read it as `ja-JP`.
  const tag = value.trim().replace(/_/g, '-');
  return tag.length <= 35 && BCP47.test(tag) ? tag : undefined;
}

/** The facts in what the page script returned (anything at all), checked; `pageUrl` resolves a relative canonical. */
export function pageFactsOf(raw: unknown, pageUrl: string): PageFacts {
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const facts: PageFacts = {
    canonical: canonicalOf(record.canonical, pageUrl),
    ogTitle: pageText(record.ogTitle),
    siteName: pageText(record.siteName),
    language: languageOf(record.language),
  };
  for (const key of Object.keys(facts) as (keyof PageFacts)[]) {
    if (facts[key] === undefined) delete facts[key];
  }
  return facts;
}

/**
 * `rest` is what follows a title in a longer one: true when it starts with a separator. An ASCII one
 * needs a space before it (`Foo-bar` is one word), a full-width one needs none (`記事｜サイト`).
 */
const SEPARATED_AFTER = /^(?:\s+[-|:/·•»–—~]\s*|\s*[｜：／・－—]\s*)\S/;
const SEPARATED_BEFORE = /\S(?:\s+[-|/·•»–—~]\s+|\s*[｜：／・－—]\s*)$/;
/** A site name before the title: `Blog: Title` and `Blog | Title` both read as separated. */
const SEPARATED_NAME = /^(?:\s*[-|:/·•»–—~]\s+|\s*[｜：／・－—]\s*)\S/;

/**
 * The page's own title for a heading, before the table's rules: `og:title` where the tab's title is it
 * plus a separated tail (`記事 | ブログ名`), else the tab's title without a separated `og:site_name` at
 * its end or start. These cover the sites the table does not know.
 */
function pageTitle(title: string, { ogTitle, siteName }: PageFacts): string {
  // Runs of spaces as one, as a heading shows them: the patterns below then match in linear time.
  const trimmed = title.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return ogTitle ?? '';
  if (ogTitle && trimmed !== ogTitle && trimmed.startsWith(ogTitle)) {
    if (SEPARATED_AFTER.test(trimmed.slice(ogTitle.length))) return ogTitle;
  }
  if (siteName && trimmed !== siteName) {
    if (trimmed.endsWith(siteName)) {
      const head = trimmed.slice(0, -siteName.length);
      if (SEPARATED_BEFORE.test(head)) return head.replace(SEPARATED_BEFORE, (end) => end[0] ?? '').trim();
    }
    if (trimmed.startsWith(siteName)) {
      const tail = trimmed.slice(siteName.length);
      if (SEPARATED_NAME.test(tail)) return tail.replace(/^\s*\S\s*/, '').trim();
    }
  }
  return trimmed;
}

/**
 * The title a clipping starts with: the page's own title (pageTitle), then cleaned by the rules
 * (title-cleanup.ts). Never empty unless the tab's title and og:title both were.
 */
export function captureTitle(
  title: string,
  url: string,
  facts: PageFacts,
  rules: readonly TitleRule[] = DEFAULT_TITLE_RULES,
): string {
  return cleanTitle(pageTitle(title, facts), url, rules);
}

/** The cleanup rules in force: the member's own from the stored settings, else the built-in table. */
export function titleRulesOf(settings: unknown): readonly TitleRule[] {
  const text = (settings as { titleRules?: unknown } | null | undefined)?.titleRules;
  return typeof text === 'string' ? parseTitleRules(text).rules : DEFAULT_TITLE_RULES;
}

/** The canonical URL to offer instead of `url`, when the page names one that is not the same page. */
export function canonicalOffer(url: string, facts: PageFacts): string | undefined {
  const { canonical } = facts;
  return canonical && urlMatchKey(canonical) !== urlMatchKey(url) ? canonical : undefined;
}

/** A page's host as shown to people (`zenn.dev`), or '' for a URL that has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** What names a page's site in the popup: its own name when it gave one, and its host. */
export function siteOf(url: string, facts: PageFacts): { name?: string; host: string } {
  const host = hostOf(url);
  const { siteName } = facts;
  return siteName !== undefined && siteName.toLowerCase() !== host ? { name: siteName, host } : { host };
}

/**
 * Where a page's icon is shown from, with no request of the extension's own. Chrome serves the icons it
 * already holds at `chrome-extension://<id>/_favicon/` to an extension with the `favicon` permission
 * (`faviconBase`); Firefox has no such store, so the tab's own icon is used, when it is an image the
 * browser already has (a `data:` image) or one it loaded for the tab over https. Anything else: none.
 */
export function siteIconOf(
  pageUrl: string,
  tabIcon: string | undefined,
  faviconBase?: string,
): string | undefined {
  if (faviconBase !== undefined) {
    const icon = new URL(faviconBase);
    icon.searchParams.set('pageUrl', pageUrl);
    icon.searchParams.set('size', '32');
    return icon.href;
  }
  return tabIcon !== undefined && /^(?:data:image\/|https:\/\/)/i.test(tabIcon) ? tabIcon : undefined;
}
