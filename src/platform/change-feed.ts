/**
 * Tells the extension's other open pages that the database changed, so an options page shows a clipping
 * saved from the popup at once. BroadcastChannel reaches every page of the extension's origin and never
 * echoes a message back to the page that sent it.
 * https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel
 */
export interface ChangeFeed {
  /** Announces that this page wrote to the database. */
  notify(): void;
  /** Calls `listener` when another page wrote; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const CHANGE_CHANNEL = 'weekly-clipper-changes';

/** The part of BroadcastChannel this uses, so tests can pass a plain object. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: () => void): void;
  removeEventListener(type: 'message', listener: () => void): void;
}

export function createChangeFeed(channel: ChannelLike = new BroadcastChannel(CHANGE_CHANNEL)): ChangeFeed {
  return {
    notify: () => channel.postMessage({ type: 'changed' }),
    subscribe(listener) {
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
