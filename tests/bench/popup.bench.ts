import { afterAll, bench, describe } from 'vitest';
import { Harness } from '../e2e/harness';
import { waitForLoadedForm } from '../e2e/popup';

// Popup start-up in real Chromium: from opening the page to a loaded form (tab read, database opened,
// existing clipping and draft looked up). This is what a user waits for after clicking the button.
const harness = await Harness.start();
const { tabId } = await harness.openTab(harness.articleUrl('bench', 'title=Bench'));

afterAll(() => harness.close());

describe('popup', () => {
  bench(
    'open to loaded form',
    async () => {
      const popup = await harness.openPopup(tabId);
      await waitForLoadedForm(popup);
      await popup.close();
    },
    { iterations: 30, warmupIterations: 3, time: 0 },
  );
});
