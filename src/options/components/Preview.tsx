import { useMemo } from 'preact/hooks';
import { createPreviewMarkdown } from '../../core/render/markdown-preview';
import { tokensToNodes } from '../preview-nodes';
import '../preview.css';

const md = createPreviewMarkdown();

export interface PreviewProps {
  /** The Zenn Markdown. */
  markdown: string;
}

/** The issue as it will read on Zenn, built from markdown-it's tokens (never innerHTML). */
export function Preview({ markdown }: PreviewProps) {
  const nodes = useMemo(() => tokensToNodes(md.parse(markdown, {})), [markdown]);
  return (
    <div class="preview" data-testid="issue-preview">
      {nodes}
    </div>
  );
}
