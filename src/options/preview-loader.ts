/**
 * The preview's renderer (markdown-it with zenn's rules: a third of the page's script) is loaded on
 * demand, not with the page: evaluating it delayed the open issue's first paint (issue 8). The
 * preview asks for it once it is drawn; a rich copy waits for it.
 */
export type PreviewRenderer = typeof import('./preview-render');

let loaded: PreviewRenderer | undefined;
let loading: Promise<PreviewRenderer> | undefined;

export function loadPreviewRenderer(): Promise<PreviewRenderer> {
  loading ??= import('./preview-render').then(
    (renderer) => {
      loaded = renderer;
      return renderer;
    },
    (error: unknown) => {
      // A later call tries again (a chunk that failed to load once may load the next time).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The renderer if it has already loaded, so that a preview drawn after that needs no extra turn. */
export function loadedPreviewRenderer(): PreviewRenderer | undefined {
  return loaded;
}
