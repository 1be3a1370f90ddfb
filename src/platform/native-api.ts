import type { Translate } from '../core/messages';

/**
 * The extension APIs the popup calls, taken from the browser itself instead of webextension-polyfill.
 *
 * Why the popup avoids the polyfill: it is about 10 KB minified (3 KB gzip) and wraps every namespace
 * when a page starts, a large share of the popup's 12 KB budget and of its start-up (issue 8). The popup
 * makes a handful of calls, and in Manifest V3 both Chrome (`chrome.*`) and Firefox (`browser.*`) return promises
 * from them (https://developer.chrome.com/docs/extensions/develop/migrate/api-calls#replace-callbacks,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Chrome_incompatibilities).
 * Every other page keeps the polyfill, through src/platform/i18n.ts and the other adapters.
 */
export interface NativeTab {
  id?: number;
  url?: string;
  title?: string;
  favIconUrl?: string;
}

export interface NativeExtensionApi {
  tabs: {
    query(filter: { active: boolean; currentWindow: boolean }): Promise<NativeTab[]>;
    get(tabId: number): Promise<NativeTab>;
    getCurrent(): Promise<NativeTab | undefined>;
    create(properties: { url: string }): Promise<unknown>;
  };
  runtime: {
    openOptionsPage(): Promise<void>;
    getURL(path: string): string;
    getManifest(): { options_ui?: { page?: string }; permissions?: string[] };
    sendMessage(message: unknown): Promise<unknown>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}

/** Firefox's `browser`, else Chrome's `chrome`; looked up when called, so importing this is harmless. */
export function nativeApi(): NativeExtensionApi {
  const scope = globalThis as { browser?: NativeExtensionApi; chrome?: NativeExtensionApi };
  const found = scope.browser ?? scope.chrome;
  if (!found) throw new Error('No extension API here: this runs only as a page of the extension.');
  return found;
}

/** Strings from `_locales`, as src/platform/i18n.ts gives them, without the polyfill. */
export const nativeTranslate: Translate = (key, substitutions) =>
  nativeApi().i18n.getMessage(key, substitutions);

export function nativeUiLanguage(): string {
  return nativeApi().i18n.getUILanguage();
}
