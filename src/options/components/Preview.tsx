import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadedPreviewRenderer, loadPreviewRenderer, type PreviewRenderer } from '../preview-loader';
import type { PageLookup } from '../preview-nodes';
import '../preview.css';

export interface PreviewProps {
  /** The Zenn Markdown. */
  markdown: string;
  /**
   * How long the Markdown must rest before it is drawn (0: at once). Parsing a whole issue takes longer
   * than a frame, so while the user types the preview waits and the keys stay instant; when the page
   * opens, it waits too, so that the issue is painted first.
   */
  delayMs?: number;
  /** Shown instead when the renderer cannot be loaded. */
  unavailable?: string;
  /** The title and site of the pages the issue clipped, for their link cards (preview-nodes.ts). */
  pages?: PageLookup;
}

type Renderer = { state: 'loading' } | { state: 'ready'; renderer: PreviewRenderer } | { state: 'failed' };

/** The renderer (preview-loader.ts): at once if loaded already, otherwise once it arrives. */
function useRenderer(): Renderer {
  const [renderer, setRenderer] = useState<Renderer>(() => {
    const loaded = loadedPreviewRenderer();
    return loaded ? { state: 'ready', renderer: loaded } : { state: 'loading' };
  });
  useEffect(() => {
    if (renderer.state !== 'loading') return;
    let live = true;
    loadPreviewRenderer().then(
      (loaded) => live && setRenderer({ state: 'ready', renderer: loaded }),
      () => live && setRenderer({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [renderer.state]);
  return renderer;
}

/** The issue as it will read on Zenn, built from markdown-it's tokens (never innerHTML). */
export function Preview({ markdown, delayMs = 0, unavailable = '', pages }: PreviewProps) {
  const [shown, setShown] = useState<string | null>(delayMs === 0 ? markdown : null);
  useEffect(() => {
    if (delayMs === 0) return setShown(markdown);
    const timer = setTimeout(() => setShown(markdown), delayMs);
    return () => clearTimeout(timer);
  }, [markdown, delayMs]);
  const renderer = useRenderer();
  const current = delayMs === 0 ? markdown : shown;
  const ready = renderer.state === 'ready' ? renderer.renderer : undefined;
  // The cards' titles are read when the Markdown is drawn, not followed on their own: a new lookup
  // comes with every change to the clippings (an ↑ included), and drawing the preview then, at
  // once, skipped the delay that keeps those changes fast (bench: ↑ took 58 ms instead of 26).
  const pagesNow = useRef(pages);
  pagesNow.current = pages;
  const nodes = useMemo(
    () => (ready && current !== null ? ready.previewNodes(current, pagesNow.current) : null),
    [ready, current],
  );
  return (
    <div
      class="preview"
      data-testid="issue-preview"
      aria-busy={nodes === null && renderer.state === 'loading'}
    >
      {renderer.state === 'failed' ? (
        <p class="notice notice-error" role="alert">
          {unavailable}
        </p>
      ) : (
        nodes
      )}
    </div>
  );
}
