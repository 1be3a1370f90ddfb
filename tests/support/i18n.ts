import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import type { MessageKey, Translate } from '../../src/core/messages';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * `browser.i18n.getMessage` as Chrome does it, over the project's own message files: named
 * placeholders ($NAME$) resolve to their content ($1, $2...), which takes the substitutions.
 */
export function createTranslator(locale: 'ja' | 'en' = 'ja'): Translate {
  const messages = (locale === 'ja' ? ja : en) as Record<MessageKey, MessageEntry>;
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message ${key}`);
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => subs[Number(index) - 1] ?? '');
    });
  };
}
