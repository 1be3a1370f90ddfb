import { memo } from './memo';

export interface MarkdownTextProps {
  id: string;
  /**
   * The Markdown's blocks in runs (zenn.ts renderZennParts: the head, each section, the afterword); the
   * element's text is exactly `joinBlocks` of their concatenation. A run that is the same array as
   * before is not rendered again.
   */
  runs: readonly (readonly string[])[];
}

/**
 * The generated Markdown, read-only, as one element per block. A textarea holding the whole issue made
 * Chromium lay out all of it on every change (about 200 ms at 300 items, issue 8); here a key typed in
 * one note changes one block's text node, and only that block is laid out again. Blocks are keyed by
 * their text, so adding or moving an item inserts or moves one element instead of rewriting those after
 * it; a key in あとがき leaves every section's run alone (issue 8: ≤ 16 ms a key at 500 items). The text
 * reaches the DOM as text nodes only: titles and notes are untrusted.
 */
export function MarkdownText({ id, runs }: MarkdownTextProps) {
  const lastRun = runs.findLastIndex((run) => run.length > 0);
  const seen = new Map<string, number>();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls past 36em, and a keyboard can only scroll what it can focus (axe scrollable-region-focusable, WCAG 2.1.1).
    <pre id={id} data-testid={id} class="markdown-text" tabIndex={0}>
      {runs.map((blocks, index) => {
        const name = blocks[0] ?? '';
        const occurrence = seen.get(name) ?? 0;
        seen.set(name, occurrence + 1);
        return <BlockRun key={`${occurrence}:${name}`} blocks={blocks} last={index === lastRun} />;
      })}
    </pre>
  );
}

interface BlockRunProps {
  blocks: readonly string[];
  /** The last run with blocks: its last block ends the Markdown with one newline. */
  last: boolean;
}

/** One run's blocks, as `display: contents` would: no element of its own, so the `pre` holds the blocks. */
const BlockRun = memo(function BlockRun({ blocks, last }: BlockRunProps) {
  const seen = new Map<string, number>();
  const end = blocks.length - 1;
  return (
    <>
      {blocks.map((block, index) => {
        const occurrence = seen.get(block) ?? 0;
        seen.set(block, occurrence + 1);
        // The separators of joinBlocks, kept in each block's text so that textContent is the Markdown.
        const text = last && index === end ? `${block}\n` : `${block}\n\n`;
        return <div key={`${occurrence}:${text}`}>{text}</div>;
      })}
    </>
  );
});
