import { nativeApi } from './native-api';

/**
 * Reads what a page says of itself in its head (core/page-facts.ts checks it). Runs in the page, so it
 * must be self-contained: `executeScript` sends its source, not its closure.
 */
function readHead() {
  const meta = (property: string) =>
    document.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return {
    url: location.href,
    canonical: canonical?.href,
    ogTitle: meta('og:title'),
    siteName: meta('og:site_name'),
    language: document.documentElement.lang,
  };
}

interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number };
    func: () => unknown;
    injectImmediately?: boolean;
  }): Promise<{ result?: unknown }[]>;
}

/** A page still loading, or stuck, is not waited for longer than this: the tab's title is enough. */
export const READ_HEAD_TIMEOUT_MS = 300;

/**
 * The page's head, read with the toolbar click's activeTab grant (no host permission). Undefined where
 * the page cannot be scripted (the browser's own pages, the stores, a PDF viewer, a popup opened
 * without the click), where the browser has no `scripting`, or when the page does not answer in time.
 */
export async function readPageHead(tabId: number): Promise<unknown> {
  try {
    const { scripting } = nativeApi() as unknown as { scripting?: ScriptingApi };
    if (!scripting) return undefined;
    const injection = scripting.executeScript({ target: { tabId }, func: readHead, injectImmediately: true });
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, READ_HEAD_TIMEOUT_MS));
    const results = await Promise.race([injection, late]);
    injection.catch(() => undefined);
    return results?.[0]?.result;
  } catch {
    return undefined;
  }
}

/**
 * Chrome's store of the icons it already holds, for this extension (`chrome-extension://<id>/_favicon/`),
 * when the manifest asks for the `favicon` permission (the Chrome build does; Firefox has no such store).
 */
export function faviconStore(): string | undefined {
  try {
    const { runtime } = nativeApi();
    return runtime.getManifest().permissions?.includes('favicon') ? runtime.getURL('/_favicon/') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether this page is the toolbar's popup rather than a tab showing it (`?tabId=`, the e2e contract):
 * only the popup closes itself after a save. A popup is no tab, so `tabs.getCurrent` gives it none.
 */
export async function isToolbarPopup(): Promise<boolean> {
  try {
    return (await nativeApi().tabs.getCurrent()) === undefined;
  } catch {
    return false;
  }
}
