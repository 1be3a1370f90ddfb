import { describe, expect, it, vi } from 'vitest';
import {
  type ChannelLike,
  changedClippingIds,
  createChangeFeed,
  isChangeMessage,
  type RuntimeMessages,
} from '../../src/platform/change-feed';

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

  it('hears the popup’s runtime messages too, and only those that are the feed’s', () => {
    const listeners = new Set<(message: unknown) => void>();
    const runtime: RuntimeMessages = {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    };
    const listener = vi.fn();
    const unsubscribe = createChangeFeed(fakeChannel(), runtime).subscribe(listener);
    for (const message of [{ type: 'changed', clippingIds: ['p'] }, { type: 'other' }, 'changed', null]) {
      for (const heard of listeners) heard(message);
    }
    expect(listener.mock.calls).toEqual([[['p']]]);
    unsubscribe();
    expect(listeners.size).toBe(0);
  });

  it('tells the feed’s messages from other runtime messages', () => {
    expect(isChangeMessage({ type: 'changed' })).toBe(true);
    expect(isChangeMessage({ type: 'changed', clippingIds: ['a'] })).toBe(true);
    for (const other of [undefined, null, 'changed', { type: 'menu' }, {}])
      expect(isChangeMessage(other)).toBe(false);
  });
});
