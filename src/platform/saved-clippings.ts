import { CHANGE_CHANNEL } from './change-feed';

/**
 * The message the popup posts on CHANGE_CHANNEL after a save: which clippings changed, so an open
 * options page updates just those instead of reading everything again (issue 8; a message without
 * `clippingIds` still means "reload all").
 */
export interface ClippingsChanged {
  type: 'changed';
  clippingIds: string[];
}

export interface SaveAnnouncer {
  clippingSaved(id: string): void;
}

/** The part of BroadcastChannel this uses, so tests can pass a plain object. */
export interface PostChannel {
  postMessage(message: ClippingsChanged): void;
}

/**
 * Tells open options pages about a save. The channel is made on the first save, not at start-up; with
 * no options page open the message simply reaches nobody.
 */
export function createSaveAnnouncer(
  openChannel: () => PostChannel = () => new BroadcastChannel(CHANGE_CHANNEL),
): SaveAnnouncer {
  let channel: PostChannel | undefined;
  return {
    clippingSaved(id) {
      channel ??= openChannel();
      channel.postMessage({ type: 'changed', clippingIds: [id] });
    },
  };
}
