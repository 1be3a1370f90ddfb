import { describe, expect, it } from 'vitest';
import { type ClipboardPort, createClipboard, type MakeClipboardItem } from '../../src/platform/clipboard';

/** A stand-in for ClipboardItem (Node has none) that keeps what it was made from. */
class FakeItem {
  constructor(readonly data: Record<string, Blob>) {}
}
const makeItem: MakeClipboardItem = (data) => new FakeItem(data) as unknown as ClipboardItem;

function fakeClipboard(options: { writeError?: unknown; writeTextError?: unknown; noWrite?: boolean } = {}) {
  const written: FakeItem[][] = [];
  const texts: string[] = [];
  const port: ClipboardPort = {
    async writeText(text) {
      if (options.writeTextError) throw options.writeTextError;
      texts.push(text);
    },
  };
  if (!options.noWrite) {
    port.write = async (items) => {
      if (options.writeError) throw options.writeError;
      written.push(items as unknown as FakeItem[]);
    };
  }
  return { port, written, texts };
}

async function contentOf(item: FakeItem | undefined) {
  if (!item) return undefined;
  const entries = await Promise.all(
    Object.entries(item.data).map(async ([type, blob]) => [type, blob.type, await blob.text()]),
  );
  return entries;
}

const content = {
  text: '# Weekly\n\nhttps://example.com/',
  html: '<h1>Weekly</h1>\n<p><a href="https://example.com/">x</a></p>',
};

describe('copyRich', () => {
  it('writes one item with the Markdown as text/plain and the HTML as text/html', async () => {
    const fake = fakeClipboard();
    expect(await createClipboard(fake.port, makeItem).copyRich(content)).toBe('rich');
    expect(fake.written).toHaveLength(1);
    expect(fake.written[0]).toHaveLength(1);
    expect(await contentOf(fake.written[0]?.[0])).toEqual([
      ['text/plain', 'text/plain', content.text],
      ['text/html', 'text/html', content.html],
    ]);
    expect(fake.texts).toEqual([]);
  });

  it('writes plain text where the clipboard cannot write items', async () => {
    const fake = fakeClipboard({ noWrite: true });
    expect(await createClipboard(fake.port, makeItem).copyRich(content)).toBe('text');
    expect(fake.texts).toEqual([content.text]);
  });

  it('writes plain text where there is no ClipboardItem', async () => {
    const fake = fakeClipboard();
    expect(await createClipboard(fake.port, undefined).copyRich(content)).toBe('text');
    expect(fake.texts).toEqual([content.text]);
    expect(fake.written).toEqual([]);
  });

  it('writes plain text when making the item throws', async () => {
    const fake = fakeClipboard();
    const broken: MakeClipboardItem = () => {
      throw new TypeError('ClipboardItem is not a constructor');
    };
    expect(await createClipboard(fake.port, broken).copyRich(content)).toBe('text');
    expect(fake.texts).toEqual([content.text]);
  });

  it.each(['NotAllowedError', 'DataError', 'NotSupportedError'])(
    'writes plain text when the rich write fails with %s',
    async (name) => {
      const fake = fakeClipboard({
        writeError: new DOMException('Type text/html not supported on write.', name),
      });
      expect(await createClipboard(fake.port, makeItem).copyRich(content)).toBe('text');
      expect(fake.texts).toEqual([content.text]);
    },
  );

  it('passes on the plain-text error when the fallback fails too', async () => {
    const denied = new DOMException('Document is not focused.', 'NotAllowedError');
    const fake = fakeClipboard({ writeError: denied, writeTextError: denied });
    await expect(createClipboard(fake.port, makeItem).copyRich(content)).rejects.toBe(denied);
  });

  it('passes on other errors without trying plain text', async () => {
    const aborted = new DOMException('The operation was aborted.', 'AbortError');
    const fake = fakeClipboard({ writeError: aborted });
    await expect(createClipboard(fake.port, makeItem).copyRich(content)).rejects.toBe(aborted);
    expect(fake.texts).toEqual([]);
  });
});

describe('copyText', () => {
  it('writes plain text', async () => {
    const fake = fakeClipboard();
    await createClipboard(fake.port, makeItem).copyText('タイトル');
    expect(fake.texts).toEqual(['タイトル']);
    expect(fake.written).toEqual([]);
  });

  it('passes on errors', async () => {
    const denied = new DOMException('Write permission denied.', 'NotAllowedError');
    const fake = fakeClipboard({ writeTextError: denied });
    await expect(createClipboard(fake.port, makeItem).copyText('x')).rejects.toBe(denied);
  });
});
