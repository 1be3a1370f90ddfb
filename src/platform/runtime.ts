import { nativeApi } from './native-api';

// Used by the popup only, so over the browser's own API (see native-api.ts for why not the polyfill).

/** Opens the options page (the clipping list) in a tab. */
export function openOptionsPage(): Promise<void> {
  return nativeApi().runtime.openOptionsPage();
}

/**
 * Opens the options page at a hash it understands (`#archive/<issueId>/<clippingId>`). A new tab of the
 * extension's own page needs no `tabs` permission.
 */
export async function openOptionsAt(hash: string): Promise<void> {
  const { runtime, tabs } = nativeApi();
  const page = runtime.getManifest().options_ui?.page ?? 'options.html';
  await tabs.create({ url: runtime.getURL(`${page}#${hash}`) });
}
