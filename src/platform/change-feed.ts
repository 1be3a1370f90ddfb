/**
 * Tells the extension's other open pages that the database changed, so an options page shows a clipping
 * saved elsewhere at once. An options page posts on a BroadcastChannel, which reaches every page of the
 * extension's origin and never echoes a message back to the page that sent it
 * (https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel). The popup sends the same message
 * with `runtime.sendMessage` (platform/saved-clippings.ts), which also wakes the background; a feed
 * given the runtime's `onMessage` hears it too.
 *
 * The message: `{ type: 'changed', clippingIds?: string[] }`. With ids, only those clippings changed
 * (saved or deleted), so a page reads just them; without, anything may have changed and a page reads
 * again all it shows.
 */
export interface ChangeFeed {
  /** Announces that this page wrote to the database: these clippings, or (undefined) anything. */
  notify(clippingIds?: readonly string[]): void;
  /** Calls `listener` when another page wrote, with the clippings it names; returns the unsubscribe function. */
  subscribe(listener: (clippingIds: readonly string[] | undefined) => void): () => void;
}

export const CHANGE_CHANNEL = 'weekly-clipper-changes';

export interface ChangeMessage {
  type: 'changed';
  clippingIds?: string[];
}

/** The part of BroadcastChannel this uses, so tests can pass a plain object. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The part of `runtime.onMessage` this uses. A listener that returns nothing sends no answer. */
export interface RuntimeMessages {
  addListener(listener: (message: unknown) => void): void;
  removeListener(listener: (message: unknown) => void): void;
}

/** Whether a message is the change feed's (runtime messages may be about anything). */
export function isChangeMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'changed';
}

/** The clipping ids a message names; undefined when it names none, or is not a well-formed list. */
export function changedClippingIds(data: unknown): readonly string[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const ids = (data as { clippingIds?: unknown }).clippingIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return undefined;
  return ids;
}

export function createChangeFeed(
  channel: ChannelLike = new BroadcastChannel(CHANGE_CHANNEL),
  runtimeMessages?: RuntimeMessages,
): ChangeFeed {
  return {
    notify(clippingIds) {
      const message: ChangeMessage =
        clippingIds && clippingIds.length > 0
          ? { type: 'changed', clippingIds: [...clippingIds] }
          : { type: 'changed' };
      channel.postMessage(message);
    },
    subscribe(listener) {
      const onMessage = (event: { data: unknown }) => listener(changedClippingIds(event.data));
      const onRuntimeMessage = (message: unknown) => {
        if (isChangeMessage(message)) listener(changedClippingIds(message));
      };
      channel.addEventListener('message', onMessage);
      runtimeMessages?.addListener(onRuntimeMessage);
      return () => {
        channel.removeEventListener('message', onMessage);
        runtimeMessages?.removeListener(onRuntimeMessage);
      };
    },
  };
}
