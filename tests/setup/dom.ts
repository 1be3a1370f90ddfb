import { cleanup } from '@testing-library/preact';
import type { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { NO_NETWORK } from '../support/offline-dom';

// The components environment's own window never reaches the network. Script evaluation is left as the
// test file sets it: Preview.test.tsx turns it on to catch a note that became a running script.
const { happyDOM } = window as unknown as Window;
Object.assign(happyDOM.settings, NO_NETWORK, {
  navigation: { ...happyDOM.settings.navigation, ...NO_NETWORK.navigation },
  fetch: { ...happyDOM.settings.fetch, ...NO_NETWORK.fetch },
});

afterEach(() => cleanup());

// happy-dom has no idle callbacks, which every browser the extension targets has (Chrome 116+,
// Firefox 140+): the popup preloads its save path with one.
globalThis.requestIdleCallback ??= (callback) =>
  setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 0) as unknown as number;

/**
 * Tests never reach the network. happy-dom fetches what a page asks for (a link opened in a new page,
 * a frame), and an unreachable host costs an ENOTFOUND stack in the output; every request made from a
 * test page gets an empty 204 instead (happy-dom's `settings.fetch.interceptor`).
 */
interface HappyDomWindow {
  happyDOM: {
    settings: {
      fetch: {
        interceptor: { beforeAsyncRequest(context: { window: typeof globalThis }): Promise<Response> };
      };
    };
  };
}
(window as unknown as HappyDomWindow).happyDOM.settings.fetch.interceptor = {
  beforeAsyncRequest: async ({ window: page }) => new page.Response(null, { status: 204 }),
};
