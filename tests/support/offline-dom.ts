import type { IOptionalBrowserSettings } from 'happy-dom';

/**
 * happy-dom settings that keep a window off the network. Parsed HTML holds Zenn's embed iframes and
 * links to example.com; with loading on, happy-dom fetches them and prints an ENOTFOUND per element.
 * The interceptor answers every request itself, so whatever happy-dom still loads never leaves the
 * process. https://github.com/capricorn86/happy-dom/wiki/IOptionalBrowserSettings
 */
export const NO_NETWORK: IOptionalBrowserSettings = {
  disableIframePageLoading: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
  },
  fetch: {
    interceptor: {
      beforeAsyncRequest: async ({ window }) => new window.Response('', { status: 404 }),
    },
  },
};

/** For windows that only parse HTML to read it back: no network, and nothing in it runs. */
export const OFFLINE: IOptionalBrowserSettings = {
  ...NO_NETWORK,
  disableJavaScriptEvaluation: true,
  disableComputedStyleRendering: true,
};
