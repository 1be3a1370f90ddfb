import type messages from '../../public/_locales/ja/messages.json';

/** A key of `_locales/{ja,en}/messages.json`; a typo is a type error. */
export type MessageKey = keyof typeof messages;

/** Looks up a user-facing string in the browser's language (`browser.i18n.getMessage`). */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** A status line shown to the user, in both pages: what happened, in their language, and how it went. */
export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}
