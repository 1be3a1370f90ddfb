import { type NativeExtensionApi, nativeApi } from './native-api';

/** The tab the popup clips: only what the popup needs of it. */
export interface PageTab {
  id: number;
  url: string | undefined;
  title: string;
  /** The icon the tab shows, when the browser tells (Firefox; Chrome's comes from its favicon store). */
  icon?: string;
}

export interface TabSource {
  /** The given tab, or the active tab of the current window. Undefined when there is none. */
  getTab(tabId?: number): Promise<PageTab | undefined>;
}

/** The smallest slice of `tabs` the popup uses, so tests can pass a plain object. */
export type TabsApi = Pick<NativeExtensionApi['tabs'], 'get' | 'query'>;

export function createTabSource(tabs: TabsApi): TabSource {
  return {
    async getTab(tabId) {
      // With only `activeTab`, url and title are present once the user has clicked the toolbar button.
      const tab =
        tabId === undefined
          ? (await tabs.query({ active: true, currentWindow: true }))[0]
          : await tabs.get(tabId);
      if (tab?.id === undefined) return undefined;
      return { id: tab.id, url: tab.url, title: tab.title ?? '', icon: tab.favIconUrl };
    },
  };
}

/** The popup's tab source, over the browser's own `tabs` API (see native-api.ts for why not the polyfill). */
export function createBrowserTabSource(): TabSource {
  return createTabSource(nativeApi().tabs);
}
