import MarkdownIt, { type MarkdownIt as Markdown, type StateBlock, type StateInline } from 'markdown-it';
import container from 'markdown-it-container';
import footnote from 'markdown-it-footnote';

/**
 * markdown-it parsing as zenn-markdown-html 0.4.4 parses (src/index.ts): `breaks` and `linkify` on,
 * `html` off, and the block-level plugins that decide an article's structure, with their rules copied
 * from its source: KaTeX (md-katex.ts), footnotes (markdown-it-footnote), `@[tag](arg)` embeds
 * (md-custom-block.ts) and the `:::details` / `:::message` containers (md-container.ts). Both the
 * note check (note.ts) and the preview build on it, so what they see is what Zenn sees; tests render the
 * same inputs through zenn-markdown-html itself to hold it to that.
 */

/** Zenn's KaTeX rules. The block rule matches at any block start (lists and quotes included) and runs to the next `$$` anywhere after it in the document. */
const MATH_INLINE = [
  { name: 'math_inline_double', rex: /\${2}((?:\S)|(?:\S(?!.*\]\(http).*?\S))\${2}/y, tag: '$$' },
  { name: 'math_inline', rex: /\$((?:\S)|(?:\S(?![^$]*\]\(http.*).*?\S))\$/y, tag: '$' },
] as const;
const MATH_BLOCK = [
  { name: 'math_block_eqno', rex: /\${2}([^$]+?)\${2}\s*?\(([^)\s]+?)\)/my },
  { name: 'math_block', rex: /\${2}([^$]+?)\${2}/my },
] as const;

const isDigit = (code: number) => code >= 48 && code <= 57;

function mathInline(rule: (typeof MATH_INLINE)[number]) {
  return (state: StateInline, silent: boolean): boolean => {
    const { pos, src } = state;
    const before = pos > 0 ? src.charCodeAt(pos - 1) : Number.NaN;
    if (!src.startsWith(rule.tag, pos) || before === 92 || isDigit(before)) return false;
    rule.rex.lastIndex = pos;
    const match = rule.rex.exec(src);
    if (!match || rule.rex.lastIndex <= pos || isDigit(src.charCodeAt(rule.rex.lastIndex))) return false;
    if (!silent) {
      const token = state.push(rule.name, 'math', 0);
      token.content = match[1] ?? '';
      token.markup = rule.tag;
    }
    state.pos = rule.rex.lastIndex;
    return true;
  };
}

function mathBlock(rule: (typeof MATH_BLOCK)[number]) {
  return (state: StateBlock, begLine: number, endLine: number, silent: boolean): boolean => {
    const pos = (state.bMarks[begLine] ?? 0) + (state.tShift[begLine] ?? 0);
    const src = state.src;
    if (!src.startsWith('$$', pos)) return false;
    rule.rex.lastIndex = pos;
    const match = rule.rex.exec(src);
    if (!match || rule.rex.lastIndex <= pos) return false;
    if (silent) return true;
    const end = rule.rex.lastIndex - 1;
    let line = begLine;
    while (line < endLine) {
      if (end >= (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0) && end <= (state.eMarks[line] ?? 0))
        break;
      line++;
    }
    const open = state.push(rule.name, 'math', 1);
    open.block = true;
    open.markup = '$$';
    open.content =
      state.parentType === 'blockquote'
        ? (match[1] ?? '').replace(/(\n*?^(?:\s*>)+)/gm, '')
        : (match[1] ?? '');
    open.info = match[match.length - 1] ?? '';
    open.map = [begLine, line];
    const close = state.push(`${rule.name}_end`, 'math', -1);
    close.block = true;
    close.markup = '$$';
    state.line = line + 1;
    return true;
  };
}

/** What a `@[tag](arg)` line asks for; Zenn renders an embed for known tags and nothing for others. */
export interface EmbedRequest {
  tag: string;
  arg: string;
}

export const EMBED = 'custom';

/** Zenn's `@[tag](arg)` block: `arg` runs to the last `)` of the line, spaces included. */
function customEmbed(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const line = state.src.slice(start, state.eMarks[startLine]);
  if (!line.startsWith('@[')) return false;
  const match = /@\[([\w-]+)\]\((.+)\)/im.exec(line);
  if (!match || startLine >= endLine) return false;
  if (!silent) {
    const token = state.push(EMBED, 'div', 0);
    token.markup = line.slice(0, match[0].length);
    token.meta = { tag: match[1] ?? '', arg: match[2] ?? '' } satisfies EmbedRequest;
    token.block = true;
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
  }
  return true;
}

/** Zenn's container validators (md-container.ts). */
export const DETAILS = /^details\s+(.*)$/;
export const MESSAGE = /^message\s*(alert)?$/;

/** A fresh markdown-it that parses as Zenn does. */
export function createZennMarkdown(): Markdown {
  const md = new MarkdownIt({ breaks: true, linkify: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  for (const rule of MATH_INLINE) md.inline.ruler.before('escape', rule.name, mathInline(rule));
  for (const rule of MATH_BLOCK) md.block.ruler.before('fence', rule.name, mathBlock(rule));
  md.use(footnote);
  md.block.ruler.before('fence', EMBED, customEmbed, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.use(container, 'details', { validate: (params: string) => DETAILS.test(params.trim()) });
  md.use(container, 'message', { validate: (params: string) => MESSAGE.test(params.trim()) });
  return md;
}
