/** The slice of `navigator.clipboard` the options page uses, so tests can pass a plain object. */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  /** Missing where the async Clipboard API can only write text. */
  write?(items: ClipboardItem[]): Promise<void>;
}

export type MakeClipboardItem = (data: Record<string, Blob>) => ClipboardItem;

export interface RichText {
  text: string;
  html: string;
}

export interface RichClipboard {
  /** Writes `text` as text/plain and `html` as text/html; 'text' when only the plain text could be written. */
  copyRich(content: RichText): Promise<'rich' | 'text'>;
  copyText(text: string): Promise<void>;
}

/**
 * Errors with which only the rich write fails, where plain text may still work: Chrome rejects a type it
 * cannot write with NotAllowedError ("Type text/html not supported on write"), and a browser without
 * ClipboardItem (Firefox before 127) throws TypeError or ReferenceError making one. Any other error, or
 * one that writeText fails with too, reaches the caller.
 * https://w3c.github.io/clipboard-apis/#dom-clipboard-write
 */
const RICH_ONLY_FAILURES = new Set([
  'NotAllowedError',
  'DataError',
  'NotSupportedError',
  'TypeError',
  'ReferenceError',
]);

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

function defaultMakeItem(): MakeClipboardItem | undefined {
  return typeof ClipboardItem === 'function' ? (data) => new ClipboardItem(data) : undefined;
}

export function createClipboard(
  clipboard: ClipboardPort = navigator.clipboard,
  makeItem: MakeClipboardItem | undefined = defaultMakeItem(),
): RichClipboard {
  const writeRich = async ({ text, html }: RichText): Promise<boolean> => {
    if (!clipboard.write || !makeItem) return false;
    try {
      const item = makeItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      });
      await clipboard.write([item]);
      return true;
    } catch (error) {
      if (RICH_ONLY_FAILURES.has(errorName(error) ?? '')) return false;
      throw error;
    }
  };
  return {
    async copyRich(content) {
      if (await writeRich(content)) return 'rich';
      await clipboard.writeText(content.text);
      return 'text';
    },
    copyText: (text) => clipboard.writeText(text),
  };
}
