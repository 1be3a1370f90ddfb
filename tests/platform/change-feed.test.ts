import { describe, expect, it, vi } from 'vitest';
import { type ChannelLike, createChangeFeed } from '../../src/platform/change-feed';

function fakeChannel() {
  const listeners = new Set<() => void>();
  const channel: ChannelLike & { posted: unknown[]; deliver(): void } = {
    posted: [],
    postMessage: (message) => channel.posted.push(message),
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    deliver: () => {
      for (const listener of listeners) listener();
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

  it('calls subscribers on a message until they unsubscribe', () => {
    const channel = fakeChannel();
    const listener = vi.fn();
    const unsubscribe = createChangeFeed(channel).subscribe(listener);
    channel.deliver();
    unsubscribe();
    channel.deliver();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('reaches another page through a real BroadcastChannel', async () => {
    const sending = new BroadcastChannel('test-feed');
    const sender = createChangeFeed(sending);
    const receiving = new BroadcastChannel('test-feed');
    const heard = new Promise<void>((resolve) => createChangeFeed(receiving).subscribe(resolve));
    sender.notify();
    await heard;
    receiving.close();
    sending.close();
  });
});
