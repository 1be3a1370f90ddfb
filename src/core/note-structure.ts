import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import container from 'markdown-it-container';
import { confineNote } from './markdown-zenn';

/**
 * The last line of defence for a note's Markdown: after `confineNote`'s line rules, the note is parsed the
 * way Zenn parses it (markdown-it with `breaks`, and Zenn's `:::message` / `:::details` containers, whose
 * validators are copied from zenn-markdown-html's md-container.ts) with a sentinel heading after it. If the
 * sentinel does not come out as a top-level `###` of its own, or the note produced an h1–h3, the note would
 * break the issue, and it is shown as a code block instead: its text intact, its structure inert.
 */

const SENTINEL = 'weekly-clipper-sentinel-3f9c';

let parser: Markdown | undefined;

function zennLikeParser(): Markdown {
  if (parser) return parser;
  const md = new MarkdownIt({ breaks: true, linkify: true });
  md.use(container, 'details', { validate: (params: string) => /^details\s+(.*)$/.test(params.trim()) });
  md.use(container, 'message', { validate: (params: string) => /^message\s*(alert)?$/.test(params.trim()) });
  parser = md;
  return md;
}

/** True when `markdown`, followed by an item heading, leaves that heading intact and opens no h1–h3. */
export function keepsStructure(markdown: string): boolean {
  const tokens = zennLikeParser().parse(`${markdown}\n\n### ${SENTINEL}\n`, {});
  const headings = tokens.flatMap((token, index) =>
    token.type === 'heading_open' ? [{ token, text: tokens[index + 1]?.content ?? '' }] : [],
  );
  const last = headings.at(-1);
  const endsWithSentinel = last?.token.tag === 'h3' && last.token.level === 0 && last.text === SENTINEL;
  const opensSections = headings.slice(0, -1).some(({ token }) => ['h1', 'h2', 'h3'].includes(token.tag));
  return endsWithSentinel && !opensSections;
}

/** The note as a fenced code block, with a fence longer than any backtick run inside it. */
export function asCodeBlock(note: string): string {
  const longest = Math.max(2, ...[...note.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${note}\n${fence}`;
}

/** A note (already normalised) that cannot break the issue around it. */
export function safeNote(note: string): string {
  if (note === '') return note;
  const confined = confineNote(note);
  return keepsStructure(confined) ? confined : asCodeBlock(note);
}
