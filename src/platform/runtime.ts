import browser from 'webextension-polyfill';

/** Opens the options page (the clipping list) in a tab. */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
