import type { ChangeMessage } from './change-feed';
import { nativeApi } from './native-api';

/**
 * The message the popup sends after a save: which clippings changed, so an open options page updates
 * just those instead of reading everything again (issue 8), and so the background, when no options page
 * is open, sends the save to the team repository (issue 11). It goes through `runtime.sendMessage`,
 * which reaches every open page of the extension and wakes the background; a BroadcastChannel reaches
 * only pages already running, never a background that is asleep.
 */
export type ClippingsChanged = Required<ChangeMessage>;

export interface SaveAnnouncer {
  clippingSaved(id: string): void;
}

/** The part of `runtime` this uses, so tests can pass a plain object. */
export interface MessageSender {
  sendMessage(message: ClippingsChanged): Promise<unknown>;
}

/** Tells the extension's other pages and its background about a save. */
export function createSaveAnnouncer(runtime: MessageSender = nativeApi().runtime): SaveAnnouncer {
  return {
    clippingSaved(id) {
      // Nobody to hear it is no failure: the save is stored, and the next sync finds it by itself.
      runtime.sendMessage({ type: 'changed', clippingIds: [id] }).catch(() => undefined);
    },
  };
}
