import browser from 'webextension-polyfill';
import type { Translate } from '../core/messages';

/** Strings from `_locales`, in the browser's UI language (Japanese by default, English second). */
export const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

/** The language the UI is shown in, for `<html lang>` and date formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
