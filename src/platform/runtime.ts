import browser from 'webextension-polyfill';

/** Opens the options page (the clipping list) in a tab. */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/**
 * Opens the options page at a hash it understands (`#archive/<issueId>/<clippingId>`). A new tab of the
 * extension's own page needs no `tabs` permission.
 */
export async function openOptionsAt(hash: string): Promise<void> {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'options.html';
  await browser.tabs.create({ url: browser.runtime.getURL(`${page}#${hash}`) });
}
