import { useEffect, useMemo, useState } from 'preact/hooks';
import { createPreviewMarkdown } from '../../core/render/markdown-preview';
import { tokensToNodes } from '../preview-nodes';
import '../preview.css';

const md = createPreviewMarkdown();

export interface PreviewProps {
  /** The Zenn Markdown. */
  markdown: string;
  /**
   * How long the Markdown must rest before a change is drawn (0: at once). Parsing a whole issue takes
   * longer than a frame, so while the user types the preview waits and the keys stay instant.
   */
  delayMs?: number;
}

/** The issue as it will read on Zenn, built from markdown-it's tokens (never innerHTML). */
export function Preview({ markdown, delayMs = 0 }: PreviewProps) {
  const [shown, setShown] = useState(markdown);
  useEffect(() => {
    if (delayMs === 0) return setShown(markdown);
    const timer = setTimeout(() => setShown(markdown), delayMs);
    return () => clearTimeout(timer);
  }, [markdown, delayMs]);
  const current = delayMs === 0 ? markdown : shown;
  const nodes = useMemo(() => tokensToNodes(md.parse(current, {})), [current]);
  return (
    <div class="preview" data-testid="issue-preview">
      {nodes}
    </div>
  );
}
