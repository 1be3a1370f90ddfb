import { describe, expect, it, vi } from 'vitest';
import { CHANGE_CHANNEL, createChangeFeed } from '../../src/platform/change-feed';
import { createSaveAnnouncer } from '../../src/platform/saved-clippings';

describe('createSaveAnnouncer', () => {
  it('posts which clipping was saved, opening the channel on the first save only', () => {
    const postMessage = vi.fn();
    const open = vi.fn(() => ({ postMessage }));
    const announcer = createSaveAnnouncer(open);
    expect(open).not.toHaveBeenCalled();
    announcer.clippingSaved('a');
    announcer.clippingSaved('b');
    expect(open).toHaveBeenCalledOnce();
    expect(postMessage.mock.calls).toEqual([
      [{ type: 'changed', clippingIds: ['a'] }],
      [{ type: 'changed', clippingIds: ['b'] }],
    ]);
  });

  it('reaches a change feed listening on the real channel', async () => {
    const listening = new BroadcastChannel(CHANGE_CHANNEL);
    const heard = new Promise<unknown>((resolve) => {
      listening.addEventListener('message', (event) => resolve(event.data), { once: true });
    });
    const feed = createChangeFeed(listening);
    const listener = vi.fn();
    const unsubscribe = feed.subscribe(listener);
    const sender = new BroadcastChannel(CHANGE_CHANNEL);
    try {
      createSaveAnnouncer(() => sender).clippingSaved('c1');
      expect(await heard).toEqual({ type: 'changed', clippingIds: ['c1'] });
      expect(listener).toHaveBeenCalled();
    } finally {
      unsubscribe();
      sender.close();
      listening.close();
    }
  });
});
