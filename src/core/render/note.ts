import type { Token } from 'markdown-it';
import { createZennMarkdown } from './zenn-markdown';

/**
 * The note pipeline: one function, {@link renderNote}, from a note as typed to a block of Zenn Markdown
 * that cannot change the issue around it. Notes, the intro and the afterword all go through it.
 *
 * 1. normalise whitespace;
 * 2. keep the note's footnotes its own: a label an earlier block of the issue already took is renamed
 *    (`[^1]` → `[^n3-1]`), so two notes' `[^1]` never merge, while the first `[^1]` stays as the team
 *    wrote it; references with no definition in the note are escaped, so they stay text as on Zenn;
 * 3. line rules: headings `#`–`###` (also in quotes and lists) and setext underlines are escaped, and an
 *    unclosed fence or `:::` container is closed; a `$$` that would open a KaTeX block reaching past the
 *    note (Zenn's rule runs to the next `$$` anywhere later in the document) is escaped;
 * 4. the judge: the result is parsed as Zenn parses it (zenn-markdown.ts, KaTeX included) followed by an
 *    item heading, with and without a later `$$`; if that heading is not intact, or the note opened an h1–h3, the note
 *    is emitted as a code block instead: its text intact, its structure inert.
 */

/** The line without trailing spaces and tabs; a loop, as `/[ \t]+$/` is quadratic on `a` + 10,000 spaces + `b`. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/**
 * The user's note as Markdown to emit: line endings made LF, trailing spaces and tabs removed from every
 * line (so no line ends in a two-space hard break), and blank lines at the start and end dropped, a line
 * of ideographic spaces included. A note of nothing but whitespace becomes ''.
 */
function normalizeNote(note: string): string {
  const lines = note.split(/\r\n?|\n/).map(trimTrailingBlanks);
  const hasText = (line: string) => line.trim() !== '';
  const first = lines.findIndex(hasText);
  if (first === -1) return '';
  return lines.slice(first, lines.findLastIndex(hasText) + 1).join('\n');
}

/** One block prefix a heading can hide behind: a blockquote marker, a list marker, a footnote definition. */
const QUOTE_MARKER = /^ {0,3}>[ \t]?/;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/;
const FOOTNOTE_MARKER = /^ {0,3}\[\^[^\]\s]+\]:[ \t]*/;
const HEADING_MARK = /^[ \t]{0,3}#{1,3}(?=[ \t]|$)/;

/**
 * Where a `#`–`###` heading mark starts in the line, behind any mix of quote and list markers, or -1.
 * The markers are peeled off one at a time: a single regex with nested repetition over the same spaces
 * backtracks exponentially on a line like `-   -   -   …` (a note from anyone could freeze the page).
 */
function headingMarkAt(line: string): number {
  let offset = 0;
  for (;;) {
    const rest = line.slice(offset);
    const marker = QUOTE_MARKER.exec(rest) ?? LIST_MARKER.exec(rest) ?? FOOTNOTE_MARKER.exec(rest);
    if (!marker || marker[0].length === 0) break;
    offset += marker[0].length;
  }
  const heading = HEADING_MARK.exec(line.slice(offset));
  return heading ? offset + heading[0].indexOf('#') : -1;
}

const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^ {0,3}(:{3,})\s*\S/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})\s*$/;

const CODE_SPAN = /(`+[^`]*`+)/;
const FOOTNOTE_REF = /(?<!\\)\[\^([^\]\s]+)\]/g;

/** Labels the note defines (`[^x]: …`), read by Zenn's own footnote rule. */
function definedFootnotes(note: string): Set<string> {
  // Parsing is the slow part of a note (a long `*a*a…` takes a while): skip it when there is no `[^`.
  if (!note.includes('[^')) return new Set();
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  zennMarkdown().parse(note, env);
  return new Set(Object.keys(env.footnotes?.refs ?? {}).map((key) => key.slice(1)));
}

/**
 * The label each footnote the note defines is written with: its own, unless an earlier block of the
 * issue took it (`taken`), then prefixed with the note's scope until it is free. Claims them in `taken`.
 */
function claimFootnotes(
  defined: ReadonlySet<string>,
  scope: string,
  taken: Set<string>,
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const label of defined) {
    let claimed = label;
    while (taken.has(claimed)) claimed = `${scope}-${claimed}`;
    taken.add(claimed);
    labels.set(label, claimed);
  }
  return labels;
}

/** `[^x]` → `[^label]` when the note defines `x`, `\[^x]` otherwise; code spans are left alone. */
function scopeFootnotes(line: string, labels: ReadonlyMap<string, string>): string {
  return line
    .split(CODE_SPAN)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(FOOTNOTE_REF, (_, label: string) =>
            labels.has(label) ? `[^${labels.get(label)}]` : `\\[^${label}]`,
          ),
    )
    .join('');
}

/** Markers a block can start behind: quotes, list items and footnote definitions. */
const BLOCK_PREFIX = /^(?:[ \t]*>|[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)|[ \t]*\[\^[^\]\s]+\]:|[ \t]+)/;

function blockStart(line: string): number {
  let offset = 0;
  for (;;) {
    const marker = BLOCK_PREFIX.exec(line.slice(offset));
    if (!marker || marker[0].length === 0) return offset;
    offset += marker[0].length;
  }
}

/**
 * Zenn's KaTeX block rule opens at a `$$` at any block start and takes everything up to the next `$`,
 * which must be another `$$`. Only the note's last `$$` can find no `$` after it inside the note, and then
 * it would run into the next note's. Where it stands at a block start, it is closed with a `$$` line or
 * escaped (`\$$`, text); both are tried, the likelier intent first.
 */
function trailingMathFixes(lines: readonly string[], inert: readonly boolean[]): string[][] {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    const last = line.lastIndexOf('$');
    if (last === -1) continue;
    if (inert[index] || line[last - 1] !== '$' || blockStart(line) !== last - 1) return [];
    const escaped = [...lines];
    escaped[index] = `${line.slice(0, last - 1)}\\${line.slice(last - 1)}`;
    const closed = [...lines, '$$'];
    // A `$$` line of its own is a math block left open: close it, as an open fence is closed. Behind a
    // list or quote marker (`- $$`) closing it would pull the rest of the note into the math: escape it.
    return line.slice(0, last - 1).trim() === '' ? [closed, escaped] : [escaped, closed];
  }
  return [];
}

interface Confined {
  lines: string[];
  /** Per line: inside a code fence, where nothing is rewritten. */
  inert: boolean[];
}

/** The line rules of step 3 (the KaTeX one aside). */
function confineLines(note: string, scope: string, taken: Set<string>): Confined {
  const labels = claimFootnotes(definedFootnotes(note), scope, taken);
  const lines: string[] = [];
  const inert: boolean[] = [];
  let fence: { char: string; length: number } | null = null;
  const containers: number[] = [];
  let previous = '';
  for (const line of note.split('\n')) {
    if (fence) {
      const close = new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}[ \\t]*$`);
      if (close.test(line)) fence = null;
      lines.push(line);
      inert.push(fence !== null);
      previous = line;
      continue;
    }
    const opening = FENCE_OPEN.exec(line);
    let safe = scopeFootnotes(line, labels);
    const headingAt = headingMarkAt(safe);
    if (opening?.[1]) {
      const marker = opening[1];
      // A backtick fence's info string may not contain backticks; such a line is inline code instead.
      const info = line.slice(line.indexOf(marker) + marker.length);
      if (!(marker[0] === '`' && info.includes('`')))
        fence = { char: marker[0] as string, length: marker.length };
    } else if (CONTAINER_OPEN.test(line)) containers.push(CONTAINER_OPEN.exec(line)?.[1]?.length ?? 3);
    else if (CONTAINER_CLOSE.test(line)) {
      // A close needs at least as many colons as its opening (markdown-it-container).
      const length = CONTAINER_CLOSE.exec(line)?.[1]?.length ?? 3;
      if (length >= (containers.at(-1) ?? Number.POSITIVE_INFINITY)) containers.pop();
    } else if (headingAt !== -1) safe = `${safe.slice(0, headingAt)}\\${safe.slice(headingAt)}`;
    else if (SETEXT_UNDERLINE.test(line) && previous.trim() !== '') safe = line.replace(/^( {0,3})/, '$1\\');
    lines.push(safe);
    inert.push(false);
    previous = line;
  }
  if (fence) {
    lines.push(fence.char.repeat(fence.length));
    inert.push(false);
  }
  for (const length of containers.reverse()) {
    lines.push(':'.repeat(length));
    inert.push(false);
  }
  return { lines, inert };
}

const SENTINEL = 'weekly-clipper-sentinel-3f9c';

let parser: ReturnType<typeof createZennMarkdown> | undefined;
function zennMarkdown() {
  parser ??= createZennMarkdown();
  return parser;
}

const isMajorHeading = (token: Token) =>
  token.type === 'heading_open' && ['h1', 'h2', 'h3'].includes(token.tag);

/**
 * True when `markdown`, followed by an item heading, leaves that heading intact at the top level and
 * opens no h1–h3 of its own, as Zenn parses it: both when a `$$` comes later (a later note's, say) and,
 * for text with a `$` in it, when none does. A later `$$` can close a KaTeX block the text opened and so
 * hide a heading that shows when the text is last (`> $$x\n    > #`); without a `$` nothing in the text
 * can open one, and the later `$$` cannot change how it parses.
 */
export function keepsStructure(markdown: string): boolean {
  return (
    keepsStructureBefore(markdown, `\n\nz$$\n`) &&
    (!markdown.includes('$') || keepsStructureBefore(markdown, '\n'))
  );
}

function keepsStructureBefore(markdown: string, after: string): boolean {
  const tokens = zennMarkdown().parse(`${markdown}\n\n### ${SENTINEL}${after}`, {});
  const headings = tokens.flatMap((token, index) =>
    isMajorHeading(token) ? [{ token, text: tokens[index + 1]?.content ?? '' }] : [],
  );
  const last = headings.at(-1);
  return (
    headings.length === 1 && last?.token.tag === 'h3' && last.token.level === 0 && last.text === SENTINEL
  );
}

/** The note as a fenced code block, with a fence longer than any backtick run inside it. */
function asCodeBlock(note: string): string {
  const longest = Math.max(2, ...[...note.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${note}\n${fence}`;
}

/**
 * A note (or intro, or afterword) as typed, made into Markdown that cannot break the issue around it.
 * `scope` names the note among the text blocks (`n1`, `intro`, ...): letters and digits only, a
 * different one per block. `taken` holds the footnote labels earlier blocks of the same issue use (the
 * caller passes one set through all of them); a label already there is prefixed with `scope`. '' for a
 * note of only whitespace.
 */
export function renderNote(raw: string, scope: string, taken: Set<string> = new Set()): string {
  // Only a note with `[^` depends on its scope and the labels taken before it (claimFootnotes); any
  // other note renders the same wherever it is, so its text alone is the key.
  const key = raw.includes('[^') ? `${scope}\u0000${[...taken].join('\u0000')}\u0000\u0000${raw}` : raw;
  const hit = rendered.get(key);
  if (hit) {
    for (const label of hit.claimed) taken.add(label);
    return hit.text;
  }
  const before = taken.size;
  const text = renderNoteOnce(raw, scope, taken);
  // A Set iterates in insertion order, so the labels this note claimed are the last ones.
  const claimed = [...taken].slice(before);
  if (rendered.size >= RENDERED_LIMIT) rendered.clear();
  rendered.set(key, { text, claimed });
  return text;
}

/**
 * Notes already rendered, so that re-rendering an issue after one keystroke parses only the block that
 * changed (the judge parses every note with markdown-it, which is most of the time an issue takes).
 * renderNote is pure, so a hit is exactly what rendering again would give. Bounded: cleared when full.
 */
const rendered = new Map<string, { text: string; claimed: string[] }>();
const RENDERED_LIMIT = 50_000;

/**
 * Any ASCII punctuation. Every piece of Markdown that can change an issue's structure is spelt with some
 * (`#` `=` `-` `*` `>` `` ` `` `~` `:` `$` `[` `|` `<` `@` `.` `)` …); full-width punctuation never is.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function renderNoteOnce(raw: string, scope: string, taken: Set<string>): string {
  const note = normalizeNote(raw);
  if (note === '') return '';
  // A note with none is paragraphs of text (an indented line is code, inert too): no line rule applies
  // and the judge always passes, so it is not parsed. Most notes are plain Japanese sentences, and
  // parsing them was most of the time a page took to show an issue at first (issue 8).
  // tests/core/render/note.test.ts checks that the judge agrees.
  if (!ASCII_PUNCTUATION.test(note)) return note;
  const { lines, inert } = confineLines(note, scope, taken);
  const candidates = [lines, ...trailingMathFixes(lines, inert)].map((candidate) => candidate.join('\n'));
  return candidates.find(keepsStructure) ?? asCodeBlock(note);
}
