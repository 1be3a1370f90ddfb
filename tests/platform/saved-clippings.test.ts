import { describe, expect, it, vi } from 'vitest';
import { createChangeFeed, type RuntimeMessages } from '../../src/platform/change-feed';
import { createSaveAnnouncer } from '../../src/platform/saved-clippings';

/** A runtime whose sendMessage reaches the listeners of a runtime.onMessage, as the browser's does. */
function fakeRuntime() {
  const listeners = new Set<(message: unknown) => void>();
  const onMessage: RuntimeMessages = {
    addListener: (listener) => listeners.add(listener),
    removeListener: (listener) => listeners.delete(listener),
  };
  const sendMessage = vi.fn(async (message: unknown) => {
    if (listeners.size === 0)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    for (const listener of listeners) listener(message);
    return undefined;
  });
  return { onMessage, sendMessage };
}

describe('createSaveAnnouncer', () => {
  it('sends which clipping was saved as a runtime message, one per save', () => {
    const runtime = fakeRuntime();
    runtime.onMessage.addListener(() => undefined);
    const announcer = createSaveAnnouncer(runtime);
    announcer.clippingSaved('a');
    announcer.clippingSaved('b');
    expect(runtime.sendMessage.mock.calls).toEqual([
      [{ type: 'changed', clippingIds: ['a'] }],
      [{ type: 'changed', clippingIds: ['b'] }],
    ]);
  });

  it('takes "nobody is listening" as no failure', async () => {
    const runtime = fakeRuntime();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      createSaveAnnouncer(runtime).clippingSaved('a');
      await expect(runtime.sendMessage.mock.results[0]?.value).rejects.toThrow('Receiving end');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('reaches a change feed that listens to the runtime’s messages, with the ids', async () => {
    const runtime = fakeRuntime();
    const channel = { postMessage: vi.fn(), addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const listener = vi.fn();
    const unsubscribe = createChangeFeed(channel, runtime.onMessage).subscribe(listener);
    createSaveAnnouncer(runtime).clippingSaved('c1');
    await Promise.resolve();
    expect(listener).toHaveBeenCalledWith(['c1']);
    unsubscribe();
    createSaveAnnouncer(runtime).clippingSaved('c2');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
