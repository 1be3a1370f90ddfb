import { describe, expect, it, vi } from 'vitest';
import { type ChannelLike, changedClippingIds, createChangeFeed } from '../../src/platform/change-feed';

function fakeChannel() {
  const listeners = new Set<(event: { data: unknown }) => void>();
  const channel: ChannelLike & { posted: unknown[]; deliver(data?: unknown): void } = {
    posted: [],
    postMessage: (message) => channel.posted.push(message),
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    deliver: (data = { type: 'changed' }) => {
      for (const listener of listeners) listener({ data });
    },
  };
  return channel;
}

describe('change feed', () => {
  it('posts a message on notify', () => {
    const channel = fakeChannel();
    createChangeFeed(channel).notify();
    expect(channel.posted).toEqual([{ type: 'changed' }]);
  });

  it('names the clippings a write changed, when it knows them', () => {
    const channel = fakeChannel();
    const feed = createChangeFeed(channel);
    feed.notify(['a', 'b']);
    feed.notify([]);
    expect(channel.posted).toEqual([{ type: 'changed', clippingIds: ['a', 'b'] }, { type: 'changed' }]);
  });

  it('calls subscribers on a message until they unsubscribe', () => {
    const channel = fakeChannel();
    const listener = vi.fn();
    const unsubscribe = createChangeFeed(channel).subscribe(listener);
    channel.deliver();
    unsubscribe();
    channel.deliver();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(undefined);
  });

  it('gives subscribers the ids the message names (the popup posts them too)', () => {
    const channel = fakeChannel();
    const listener = vi.fn();
    createChangeFeed(channel).subscribe(listener);
    channel.deliver({ type: 'changed', clippingIds: ['x'] });
    expect(listener).toHaveBeenCalledWith(['x']);
  });

  it('treats a message without a well-formed list of ids as "anything may have changed"', () => {
    for (const data of [null, 'changed', { type: 'changed' }, { clippingIds: [] }, { clippingIds: [1] }])
      expect(changedClippingIds(data)).toBeUndefined();
    expect(changedClippingIds({ type: 'changed', clippingIds: ['a'] })).toEqual(['a']);
  });

  it('reaches another page through a real BroadcastChannel', async () => {
    const sending = new BroadcastChannel('test-feed');
    const sender = createChangeFeed(sending);
    const receiving = new BroadcastChannel('test-feed');
    const heard = new Promise<readonly string[] | undefined>((resolve) =>
      createChangeFeed(receiving).subscribe(resolve),
    );
    sender.notify(['id-1']);
    expect(await heard).toEqual(['id-1']);
    receiving.close();
    sending.close();
  });
});
