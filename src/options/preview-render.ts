import { createPreviewMarkdown, renderPreviewHtml } from '../core/render/markdown-preview';
import { tokensToNodes } from './preview-nodes';

/**
 * What the preview and the rich copy need of markdown-it and zenn's rules: a chunk of its own, loaded
 * after the page's first paint (preview-loader.ts), since the open issue is shown without it.
 */
const md = createPreviewMarkdown();

export function previewNodes(markdown: string) {
  return tokensToNodes(md.parse(markdown, {}));
}

export { renderPreviewHtml };
