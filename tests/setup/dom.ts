import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

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
