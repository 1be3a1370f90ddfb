import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadTextFile, type ObjectUrls, REVOKE_DELAY_MS } from '../../src/platform/download';

// A fresh happy-dom document per test, passed in as `doc`: the Node environment itself is untouched.
let window: Window;
let doc: Document;
beforeEach(() => {
  window = new Window({ url: 'chrome-extension://id/src/options/index.html' });
  doc = window.document as unknown as Document;
  vi.useFakeTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  await window.happyDOM.close();
});

interface Clicked {
  href: string;
  download: string;
  connected: boolean;
}

function fakeObjectUrls() {
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const urls: ObjectUrls = {
    create(blob) {
      blobs.push(blob);
      return `blob:chrome-extension://id/${blobs.length}`;
    },
    revoke: (url) => revoked.push(url),
  };
  return { urls, blobs, revoked };
}

function recordClicks(): Clicked[] {
  const clicks: Clicked[] = [];
  doc.addEventListener('click', (event) => {
    const link = event.target as HTMLAnchorElement;
    clicks.push({ href: link.href, download: link.download, connected: link.isConnected });
    // happy-dom would otherwise navigate to the blob URL.
    event.preventDefault();
  });
  return clicks;
}

describe('downloadTextFile', () => {
  it('clicks a temporary download link to a blob of the content', async () => {
    const clicks = recordClicks();
    const fake = fakeObjectUrls();
    downloadTextFile('2023-09-15.md', '# 週刊\n', undefined, doc, fake.urls);
    expect(clicks).toEqual([
      { href: 'blob:chrome-extension://id/1', download: '2023-09-15.md', connected: true },
    ]);
    expect(fake.blobs).toHaveLength(1);
    expect(fake.blobs[0]?.type).toBe('text/markdown;charset=utf-8');
    expect(await fake.blobs[0]?.text()).toBe('# 週刊\n');
    expect(doc.body.querySelectorAll('a')).toHaveLength(0);
  });

  it('uses the given type', () => {
    const fake = fakeObjectUrls();
    downloadTextFile('a.txt', 'x', 'text/plain', doc, fake.urls);
    downloadTextFile('b.txt', 'x', 'text/plain;charset=utf-8', doc, fake.urls);
    expect(fake.blobs.map((blob) => blob.type)).toEqual([
      'text/plain;charset=utf-8',
      'text/plain;charset=utf-8',
    ]);
  });

  it('revokes the URL once the download has had time to read it', () => {
    const fake = fakeObjectUrls();
    downloadTextFile('a.md', 'x', undefined, doc, fake.urls);
    vi.advanceTimersByTime(REVOKE_DELAY_MS - 1);
    expect(fake.revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fake.revoked).toEqual(['blob:chrome-extension://id/1']);
  });
});
