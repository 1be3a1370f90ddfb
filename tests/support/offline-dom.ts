import type { IOptionalBrowserSettings } from 'happy-dom';

/**
 * happy-dom settings for every window the tests make: nothing is fetched, loaded or run. Parsed HTML
 * holds Zenn's embed iframes and links to example.com; with loading on, happy-dom fetches them and
 * prints an ENOTFOUND per element. The interceptor answers every request itself, so a resource happy-dom
 * still loads (an `<img>`, a stylesheet) never reaches the network either.
 * https://github.com/capricorn86/happy-dom/wiki/IOptionalBrowserSettings
 */
export const OFFLINE: IOptionalBrowserSettings = {
  disableIframePageLoading: true,
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableComputedStyleRendering: true,
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
