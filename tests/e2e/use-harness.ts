import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Harness } from './harness';

/**
 * Starts one harness for the test file (Chromium, the article server, a fresh profile) and closes it
 * after the file. Returns a getter, as the harness only exists once beforeAll has run. A failing test
 * also prints the errors the extension's pages logged while it ran.
 */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await Harness.start();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(({ onTestFailed }) => {
    harness?.takePageErrors();
    onTestFailed(() => {
      const errors = harness?.takePageErrors() ?? [];
      if (errors.length > 0) console.error(`Errors in the extension's pages:\n${errors.join('\n')}`);
    });
  });
  return () => {
    if (!harness) throw new Error('the harness failed to start; see the beforeAll error');
    return harness;
  };
}
