export interface MarkdownTextProps {
  id: string;
  /** The Markdown's blocks (renderZennBlocks); the element's text is exactly their `joinBlocks`. */
  blocks: readonly string[];
}

/**
 * The generated Markdown, read-only, as one element per block. A textarea holding the whole issue made
 * Chromium lay out all of it on every change (about 200 ms at 300 items, issue 8); here a key typed in
 * one note changes one block's text node, and only that block is laid out again. Blocks are keyed by
 * their text, so adding or moving an item inserts or moves one element instead of rewriting those after
 * it. The text reaches the DOM as text nodes only: titles and notes are untrusted.
 */
export function MarkdownText({ id, blocks }: MarkdownTextProps) {
  const seen = new Map<string, number>();
  const last = blocks.length - 1;
  return (
    <pre id={id} data-testid={id} class="markdown-text">
      {blocks.map((block, index) => {
        const occurrence = seen.get(block) ?? 0;
        seen.set(block, occurrence + 1);
        // The separators of joinBlocks, kept in each block's text so that textContent is the Markdown.
        const text = index === last ? `${block}\n` : `${block}\n\n`;
        return <div key={`${occurrence}:${text}`}>{text}</div>;
      })}
    </pre>
  );
}
