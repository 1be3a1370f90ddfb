/**
 * Article titles, category labels and the newsletter name as heading text: one line, with every
 * character that Zenn (markdown-it 14 with `breaks` and `linkify`, KaTeX, footnotes, `@[...]` embeds)
 * would read as markup escaped. tests/core/render/heading.test.ts renders through zenn-markdown-html.
 */

const WHITESPACE_RUN = /[\s\u0085]+/g;
/** Line breaks of every kind; a title must never leave its heading line. */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
/** A surrogate without its other half cannot be encoded as UTF-8: the HTML would show U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The title as one line, which is the text its heading shows:
 * - a run of whitespace containing a line break (LF, CR, VT, FF, NEL, U+2028, U+2029) becomes one space,
 *   and a tab becomes a space;
 * - other C0 and C1 control characters are removed (markdown-it would turn NUL into U+FFFD; the rest are
 *   invisible or break the line);
 * - a lone surrogate becomes U+FFFD, as any UTF-8 encoder would make it;
 * - leading and trailing whitespace is trimmed, as markdown-it trims heading content (`String#trim`).
 * Everything else is kept, format characters included: the zero-width joiner holds emoji sequences
 * together, and bidirectional marks cannot reach past the heading's block.
 */
export function singleLineTitle(title: string): string {
  return title
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE_RUN, (run) => (LINE_BREAK.test(run) ? ' ' : run))
    .replaceAll('\t', ' ')
    .replace(CONTROL, '')
    .trim();
}

/**
 * Characters that would make a heading render something other than its text, each escaped with a
 * backslash (CommonMark allows one before any ASCII punctuation). All matches are single characters
 * tested against the original string, so one escape never changes whether another is needed.
 */
const HEADING_SPECIAL = new RegExp(
  [
    // Emphasis (`*`), code spans, links, images, footnotes (`^[...]`, `[^1]`), `@[card](...)`,
    // autolinks and Zenn's `<br>` (`<`; markdown-it runs with `html` off, so other tags are text
    // already), KaTeX (`$x$`, `$$x$$`).
    '[*`[\\]<$]',
    // A backslash that would escape the next character.
    '\\\\(?=[!-/:-@[-`{-~])',
    // `_` only emphasises when it is not between two letters or digits (`snake_case` stays as it is).
    '(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])',
    // Strikethrough needs two tildes; a single `~` (`~/.bashrc`) is text.
    '~(?=~)|(?<=~)~',
    // Entity and numeric character references (`&amp;`, `&#60;`); `AT&T` is text.
    '&(?=#?[0-9A-Za-z]+;)',
    // Linkify: `https://`, `ftp://` and `//host` need `//`, and `mailto:` its colon.
    '(?<=/)/',
    '(?<=mailto):',
    // An ATX closing sequence (`trailing #`, `#`): escaping its first `#` keeps it as text. `C#` has
    // no space before the `#`, so it never was one.
    '(?<=^| )#(?=#*$)',
  ].join('|'),
  'giu',
);
/** The characters HEADING_SPECIAL can match: a title with none needs no escape. */
const MAYBE_SPECIAL = /[*`[\]<$\\_~&/:#]/;

/**
 * Makes an article title safe to write after `# `, `## ` or `### `: Zenn renders it as exactly the text
 * of {@link singleLineTitle}, with no link, emphasis, code, image, embed, math or footnote in it.
 * Plain titles come back unchanged: `[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた`
 * becomes `\[Kubernetes 1.25\] Alpha: Pod内でのUser Namespaceを試してみた`.
 *
 * Characters left alone because they cannot do anything inside a heading line: `>`, `|`, `!`, `(`,
 * `)`, `:`, `-`, `+`, `.`, digits, a leading `#`, `:::` and other block syntax (a heading is one block),
 * `"`, `'` (typographer is off), `:emoji:` (Zenn has no shortcodes), `www.` and bare domains (Zenn's
 * linkify only matches URLs with a scheme).
 */
export function escapeHeadingText(title: string): string {
  const line = singleLineTitle(title);
  // Every alternative of HEADING_SPECIAL matches one of these: most titles have none, and skip it.
  return MAYBE_SPECIAL.test(line) ? line.replace(HEADING_SPECIAL, '\\$&') : line;
}
