import {
  LITERAL_KINDS,
  type LiteralRuleKind,
  TITLE_RULE_KINDS,
  type TitleRule,
  type TitleRuleKind,
} from './title-cleanup';

/**
 * The title cleanup rules as the settings page shows them: one rule per line, `<site|*> <kind> [text]`.
 * Apart from the rules themselves (title-cleanup.ts), which the popup applies without this parser
 * when the user never edited them.
 */

/** Bounds on the settings text: rules past the 200th and lines over 200 characters are errors. */
export const TITLE_RULES_LIMIT = { rules: 200, lineLength: 200 } as const;

export type TitleRuleErrorCode =
  | 'lineTooLong'
  | 'tooManyRules'
  /** Not `*` nor a bare host name: a scheme, path, port, `*.` wildcard or character a host cannot have. */
  | 'invalidSite'
  /** No kind, or a word that is not one. */
  | 'unknownKind'
  /** A literal kind with no text after it. */
  | 'missingText'
  /** A built-in kind with text after it. */
  | 'unexpectedText';

/** `line` counts from 1, as an editor shows it. */
export interface TitleRuleError {
  line: number;
  code: TitleRuleErrorCode;
}

const ANY_SITE = '*';
const isLiteralKind = (kind: string): kind is LiteralRuleKind => LITERAL_KINDS.includes(kind);
const isKind = (kind: string): kind is TitleRuleKind => TITLE_RULE_KINDS.includes(kind);
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/** The host as URLs carry it (lower case, punycode), or null when `site` is not a bare host name. */
function normalizeSite(site: string): string | null {
  // The URL parser would read these as a path, port, user or query and keep a host that looks right.
  if (/[/\\?#@:%]/.test(site)) return null;
  try {
    const host = new URL(`http://${site}/`).hostname.replace(/\.$/, '');
    return HOST_NAME.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** The first word of `text` and what follows it, trimmed. */
function splitWord(text: string): [string, string] {
  const space = /\s/.exec(text);
  return space ? [text.slice(0, space.index), text.slice(space.index).trim()] : [text, ''];
}

function parseRuleLine(line: string): TitleRule | TitleRuleErrorCode {
  const [siteWord, rest] = splitWord(line);
  const [kind, text] = splitWord(rest);
  const site = siteWord === ANY_SITE ? undefined : normalizeSite(siteWord);
  if (site === null) return 'invalidSite';
  if (!isKind(kind)) return 'unknownKind';
  const where = site === undefined ? {} : { site };
  if (isLiteralKind(kind)) return text === '' ? 'missingText' : { ...where, kind, text };
  return text === '' ? { ...where, kind } : 'unexpectedText';
}

/**
 * Reads the settings text, one rule per line: `<site> <kind> [text]`, where site is a host name or `*`
 * for any site, and text (literal kinds only) is the rest of the line. Blank lines and lines starting
 * with `#` are skipped. A line in error is left out and reported; the other lines still count.
 *
 * ```
 * * counter
 * zenn.dev suffix | Zenn
 * medium.com from-last | by
 * github.com github-release
 * ```
 */
export function parseTitleRules(text: string): { rules: TitleRule[]; errors: TitleRuleError[] } {
  const rules: TitleRule[] = [];
  const errors: TitleRuleError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (raw.length > TITLE_RULES_LIMIT.lineLength) errors.push({ line, code: 'lineTooLong' });
    else if (trimmed === '' || trimmed.startsWith('#')) return;
    else {
      const rule = parseRuleLine(trimmed);
      if (typeof rule === 'string') errors.push({ line, code: rule });
      else if (rules.length >= TITLE_RULES_LIMIT.rules) errors.push({ line, code: 'tooManyRules' });
      else rules.push(rule);
    }
  });
  return { rules, errors };
}

/** The settings text for `rules`, which parseTitleRules reads back as the same rules. */
export function formatTitleRules(rules: readonly TitleRule[]): string {
  return rules
    .map((rule) => {
      const head = `${rule.site ?? ANY_SITE} ${rule.kind}`;
      // A text is one line; a line break in one built in code could never match a title anyway.
      return 'text' in rule ? `${head} ${rule.text.replace(/[\r\n]+/g, ' ').trim()}` : head;
    })
    .join('\n');
}
