import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepsStructure, renderNote } from '../../../src/core/render/note';
import { blocksIn, renderZenn } from '../../support/zenn';

describe('keepsStructure', () => {
  it.each([
    ['plain text', true],
    ['- [link](https://example.com)\n  - nested', true],
    ['#### deeper heading', true],
    ['# heading', false],
    ['text\n---', false],
    ['```\nunclosed', false],
    [':::message\nunclosed', false],
    [':::details more\nunclosed', false],
    ['> ```\n> quoted fence', true],
    // A KaTeX block the judge's own later `$$` closes hid this h1, which shows when no `$$` follows.
    ['> $$:::message\n    > #', false],
  ])('%j → %s', (note, keeps) => {
    expect(keepsStructure(note)).toBe(keeps);
  });
});

describe('renderNote: the code-block fallback', () => {
  it('uses a fence longer than any backtick run inside', () => {
    // A note the line rules cannot confine: an HTML-free setext heading hidden in a lazy quote.
    const note = '> a ```` b\n# x\n$$\n:::message';
    const safe = renderNote(note, 'n1');
    expect(keepsStructure(safe)).toBe(true);
  });
});

describe('safeNote', () => {
  it('keeps notes as written when the line rules suffice', () => {
    expect(renderNote('- [a](https://example.com)', 'n1')).toBe('- [a](https://example.com)');
    expect(renderNote('# h', 'n1')).toBe('\\# h');
    expect(renderNote('', 'n1')).toBe('');
  });

  it('never lets any note break the structure (property over Markdown-structural pieces)', () => {
    const piece = fc.constantFrom(
      '#',
      '##',
      ' ',
      '    ',
      '\n',
      '```',
      '~~~',
      ':::',
      'message',
      'details x',
      '-',
      '---',
      '===',
      '>',
      '* ',
      '1. ',
      'a',
      '\t',
      '$$',
      '|',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) =>
        keepsStructure(renderNote(parts.join(''), 'n1')),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('renderNote: plain text', () => {
  it('passes a note without ASCII punctuation through, and the judge agrees it keeps the structure', () => {
    const unit = fc.constantFrom(
      ' ',
      '    ',
      '\t',
      '\n',
      '\n\n',
      '\u3000',
      'a',
      'Z',
      '1',
      '42',
      '導入',
      'です。',
      '、',
      '「引用」',
      '＃',
      '＊',
      '＞',
      '：',
      '＄＄',
      '\u00a0',
      '\u200b',
      '\u2028',
      '\u0085',
      '\f',
      '\v',
      '\u0000',
      '😺',
    );
    fc.assert(
      fc.property(fc.string({ unit }), (note) => {
        const rendered = renderNote(note, 'n1');
        expect(rendered).toBe(renderNote(`${note}`, 'n2'));
        expect(keepsStructure(rendered)).toBe(true);
        expect(rendered.replace(/\s/g, '')).toBe(note.replace(/\s/g, ''));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('renderNote: whitespace', () => {
  it.each([
    ['turns CRLF and CR into LF', 'a\r\nb\rc\n', 'a\nb\nc'],
    ['removes trailing spaces and tabs, hard-break spaces included', 'a  \nb\t\nc \t ', 'a\nb\nc'],
    ['drops blank lines at the start and end', '\n \n\t\nbody\n\n  \n', 'body'],
    ['keeps blank lines between paragraphs', 'one\n\n\ntwo', 'one\n\n\ntwo'],
    ['keeps leading indentation', '  - nested\n    code', '  - nested\n    code'],
    [
      'keeps the text as written',
      '- [title](https://example.com) `x`  \n**太字**',
      '- [title](https://example.com) `x`\n**太字**',
    ],
    ['returns "" for an empty note', '', ''],
    ['returns "" for a whitespace-only note', ' \r\n\t\n  ', ''],
    ['drops lines of ideographic spaces at the ends', '\u3000\n本文\n\u3000 ', '本文'],
    ['returns "" for a note of ideographic spaces', '\u3000\u3000', ''],
  ])('%s', (_, note, expected) => {
    expect(renderNote(note, 'n1')).toBe(expected);
  });

  it('leaves paragraphs, lists, links and inline code working in Zenn', async () => {
    const note =
      '\r\n  \r\nCilium は MetalLB というソフトウェアを利用して  \r\nいます。\r\n' +
      '- [Quality-of-Service for Memory Resources](https://kubernetes.io/blog/2021/11/26/qos-memory-resources/)   \r\n' +
      '- `controller-runtime` の `Client.Update`\t\r\n\r\n';
    const html = await renderZenn(renderNote(note, 'n1'));
    expect(blocksIn(html)).toEqual([
      { tag: 'p', text: 'Cilium は MetalLB というソフトウェアを利用して\nいます。' },
      {
        tag: 'ul',
        text: '\nQuality-of-Service for Memory Resources\ncontroller-runtime の Client.Update\n',
      },
    ]);
    expect(html).toContain(
      '<a href="https://kubernetes.io/blog/2021/11/26/qos-memory-resources/" target="_blank" rel="nofollow noopener noreferrer">Quality-of-Service for Memory Resources</a>',
    );
    expect(html).toContain('<code>controller-runtime</code> の <code>Client.Update</code>');
  });

  it('never leaves a line that ends in whitespace or a blank line at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', '\u3000', 'a', 'b') }), (note) => {
        const normalized = renderNote(note, 'n1');
        expect(normalized).not.toMatch(/[ \t]$|[ \t]\n|\r|^\n|\n$/);
        expect(normalized.replace(/\s/g, '')).toBe(note.replace(/\s/g, ''));
      }),
    );
  });
});

describe('renderNote: line rules', () => {
  // Each note sits between two items; whatever it holds, the rendered issue keeps exactly those two h3s.
  it.each([
    ['# heading', '\\# heading', ['h3', 'p', 'h3']],
    ['## あとがき', '\\## あとがき', ['h3', 'p', 'h3']],
    ['```js\ncode', '```js\ncode\n```', ['h3', 'div', 'h3']],
    ['~~~~\n# inside\n~~~', '~~~~\n# inside\n~~~\n~~~~', ['h3', 'div', 'h3']],
    [':::message\nhi', ':::message\nhi\n:::', ['h3', 'aside', 'h3']],
    ['text\n---', 'text\n\\---', ['h3', 'p', 'h3']],
    ['text\n===', 'text\n\\===', ['h3', 'p', 'h3']],
    ['> ## quoted', '> \\## quoted', ['h3', 'blockquote', 'h3']],
    ['- ### listed', '- \\### listed', ['h3', 'ul', 'h3']],
    ['1. # numbered', '1. \\# numbered', ['h3', 'ol', 'h3']],
    ['~~~\n# code\n~~~\n# after', '~~~\n# code\n~~~\n\\# after', ['h3', 'div', 'p', 'h3']],
    ['<h2>x</h2>', '<h2>x</h2>', ['h3', 'p', 'h3']],
    ['<!--', '<!--', ['h3', 'p', 'h3']],
    ['#### deeper', '#### deeper', ['h3', 'h4', 'h3']],
    ['C# と F#', 'C# と F#', ['h3', 'p', 'h3']],
    ['a `` ` `` b', 'a `` ` `` b', ['h3', 'p', 'h3']],
  ])('keeps %j inside its item', async (note, confined, tags) => {
    expect(renderNote(note, 'n1')).toBe(confined);
    const html = await renderZenn(`### Before\n\n${renderNote(note, 'n1')}\n\n### After\n`);
    expect(blocksIn(html).map((block) => block.tag)).toEqual(tags);
    expect(blocksIn(html).at(-1)?.text).toBe('After');
  });

  it.each([
    ['脚注[^1]\n\n[^1]: # 脚注の見出し', '脚注[^1]\n\n[^1]: \\# 脚注の見出し'],
    ['定義のない参照[^2]', '定義のない参照\\[^2]'],
    ['`[^1]` はコード', '`[^1]` はコード'],
    ['$$\n\\frac{1}{2}', '$$\n\\frac{1}{2}\n$$'],
    ['$$x$$ は閉じている', '$$x$$ は閉じている'],
  ])('scopes footnotes and closes math in %j', (note, confined) => {
    expect(renderNote(note, 'n1')).toBe(confined);
  });

  it.each([
    // [labels earlier blocks took, the note, as written]
    [[], '本文[^1]\n\n[^1]: 注', '本文[^1]\n\n[^1]: 注'],
    [['1'], '本文[^1]\n\n[^1]: 注', '本文[^n2-1]\n\n[^n2-1]: 注'],
    [['1', 'n2-1'], '本文[^1]\n\n[^1]: 注', '本文[^n2-n2-1]\n\n[^n2-n2-1]: 注'],
    [['note'], '本文[^1][^2]\n\n[^1]: 一\n[^2]: 二', '本文[^1][^2]\n\n[^1]: 一\n[^2]: 二'],
    [['2'], '本文[^1][^2]\n\n[^1]: 一\n[^2]: 二', '本文[^1][^n2-2]\n\n[^1]: 一\n[^n2-2]: 二'],
  ])(
    'keeps footnote labels as written unless an earlier block took them (taken %j)',
    (taken, note, written) => {
      const claimed = new Set(taken);
      expect(renderNote(note, 'n2', claimed)).toBe(written);
      // What this note now uses is taken for the blocks after it.
      for (const [, label] of written.matchAll(/\[\^([^\]]+)\]:/g))
        expect(claimed.has(label as string)).toBe(true);
    },
  );

  it('handles a line of hundreds of list markers (no exponential backtracking)', () => {
    // Past markdown-it's nesting limit the judge cannot read it as a list: it becomes a code block.
    const line = `${'-   '.repeat(400)}# x`;
    expect(keepsStructure(renderNote(line, 'n1'))).toBe(true);
  });

  it('leaves a note without structure-breaking lines exactly as it was', () => {
    const note =
      '- [記事](https://example.com/a_b)\n  - ネスト\n\n`inline` と **強調**\n\n```go\n# not a heading\n```';
    expect(renderNote(note, 'n1')).toBe(note);
  });
});

describe('renderNote: a trailing $$', () => {
  it.each([
    ['closes a $$ line left open', '$$\nx^2', '$$\nx^2\n$$'],
    [
      'escapes a $$ behind a list marker, keeping the rest of the note text',
      '- $$\n\n本文',
      '- \\$$\n\n本文',
    ],
    // Zenn's rule stops at the end of the quote it opened in (the quote's last line bounds it).
    ['leaves a $$ behind a quote marker', '> $$', '> $$'],
    ['leaves a $$ inside a line alone', 'a $$ b', 'a $$ b'],
    ['leaves a $$ in a fence alone', '```\n$$\n```', '```\n$$\n```'],
  ])('%s', (_, note, expected) => {
    expect(renderNote(note, 'n1')).toBe(expected);
  });
});

describe('renderNote: rendering again gives the same block', () => {
  const note = 'See this[^1].\n\n[^1]: the source';

  it('renames a footnote label taken earlier, also when the note was rendered before', () => {
    const first = new Set<string>();
    expect(renderNote(note, 'n1', first)).toBe('See this[^1].\n\n[^1]: the source');
    expect([...first]).toEqual(['1']);
    // Same text, same scope, but the label is taken now: the block must change, not come from before.
    const second = new Set(['1']);
    expect(renderNote(note, 'n1', second)).toBe('See this[^n1-1].\n\n[^n1-1]: the source');
    expect([...second]).toEqual(['1', 'n1-1']);
  });

  it('claims the labels again when the same render is asked twice', () => {
    renderNote(note, 'n7', new Set());
    const again = new Set<string>();
    expect(renderNote(note, 'n7', again)).toBe('See this[^1].\n\n[^1]: the source');
    expect([...again]).toEqual(['1']);
  });

  it('renders a note without footnotes the same under any scope', () => {
    const plain = '# not a heading\n\ntext';
    expect(renderNote(plain, 'n1')).toBe(renderNote(plain, 'n9', new Set(['1'])));
  });
});
