import { createPreviewMarkdown, renderPreviewHtml } from '../core/render/markdown-preview';
import { type PageLookup, tokensToNodes } from './preview-nodes';

/**
 * What the preview and the rich copy need of markdown-it and zenn's rules: a chunk of its own, loaded
 * after the page's first paint (preview-loader.ts), since the open issue is shown without it.
 */
const md = createPreviewMarkdown();

/** The preview's nodes; `pages` gives the title and site of cards whose page the issue clipped. */
export function previewNodes(markdown: string, pages?: PageLookup) {
  return tokensToNodes(md.parse(markdown, {}), pages);
}

export { renderPreviewHtml };
