import { describe, expect, it, vi } from 'vitest';
import { type CaptureOutcome, clipFromMenu, type MenuPorts } from '../../src/background/menu';
import type { Capture } from '../../src/core/capture';

const TAB = { id: 7, url: 'https://zenn.dev/cybozu_ept/articles/202209-mesh', title: 'メッシュの記事' };

function ports(overrides: Partial<MenuPorts> = {}) {
  const calls: string[] = [];
  const base: MenuPorts = {
    selectionKeepsLines: false,
    readPage: vi.fn(async () => {
      calls.push('readPage');
      return { selection: '一行目。\n二行目。', linkText: 'ページから読んだ文字' };
    }),
    openPopup: vi.fn(async (_tabId: number, _capture: Capture) => {
      calls.push('openPopup');
      return true;
    }),
    save: vi.fn(async (capture: Capture): Promise<CaptureOutcome> => {
      calls.push('save');
      return { kind: 'saved', title: capture.title };
    }),
    tell: vi.fn(async () => {
      calls.push('tell');
    }),
  };
  return { ports: { ...base, ...overrides }, calls };
}

describe('clipFromMenu', () => {
  it('opens the popup with the page and says nothing on the button', async () => {
    const { ports: p, calls } = ports();
    expect(await clipFromMenu({ menuItemId: 'clip-page' }, TAB, p)).toBe('popup');
    expect(p.openPopup).toHaveBeenCalledWith(7, { url: TAB.url, title: TAB.title });
    expect(calls).toEqual(['openPopup']);
  });

  it('calls openPopup in the same turn as the click where nothing must be read (Firefox’s user gesture)', () => {
    const { ports: p } = ports({ selectionKeepsLines: true });
    void clipFromMenu({ menuItemId: 'clip-selection', selectionText: '一行目。\n二行目。' }, TAB, p);
    void clipFromMenu({ menuItemId: 'clip-link', linkUrl: 'https://a.test/', linkText: 'A' }, TAB, p);
    void clipFromMenu({ menuItemId: 'clip-page' }, TAB, p);
    // Nothing awaited yet: only a synchronous call can have happened.
    expect(p.openPopup).toHaveBeenCalledTimes(3);
    expect(p.readPage).not.toHaveBeenCalled();
    expect(p.openPopup).toHaveBeenNthCalledWith(1, 7, {
      url: TAB.url,
      title: TAB.title,
      quote: '> 一行目。\n> 二行目。',
    });
  });

  it('reads the selection and the link text from the page where the click lacks them (Chrome)', async () => {
    const { ports: p, calls } = ports();
    await clipFromMenu(
      { menuItemId: 'clip-selection', selectionText: '一行目。 二行目。', frameId: 3 },
      TAB,
      p,
    );
    expect(p.readPage).toHaveBeenCalledWith(7, 3, undefined);
    expect(p.openPopup).toHaveBeenLastCalledWith(7, {
      url: TAB.url,
      title: TAB.title,
      quote: '> 一行目。\n> 二行目。',
    });
    await clipFromMenu({ menuItemId: 'clip-link', linkUrl: 'https://a.test/x' }, TAB, p);
    expect(p.readPage).toHaveBeenLastCalledWith(7, undefined, 'https://a.test/x');
    expect(p.openPopup).toHaveBeenLastCalledWith(7, {
      url: 'https://a.test/x',
      title: 'ページから読んだ文字',
    });
    expect(calls).toEqual(['readPage', 'openPopup', 'readPage', 'openPopup']);
  });

  it('saves and says so on the button when the popup cannot open', async () => {
    const { ports: p, calls } = ports({ openPopup: vi.fn(async () => false) });
    const outcome = await clipFromMenu({ menuItemId: 'clip-page' }, TAB, p);
    expect(outcome).toEqual({ kind: 'saved', title: TAB.title });
    expect(p.save).toHaveBeenCalledWith({ url: TAB.url, title: TAB.title });
    expect(p.tell).toHaveBeenCalledWith(7, outcome);
    expect(calls).toEqual(['save', 'tell']);
  });

  it('says a failed save on the button, with the reason, and throws nothing', async () => {
    const { ports: p } = ports({
      openPopup: vi.fn(async () => false),
      save: vi.fn(async () => {
        throw new DOMException('disk full', 'QuotaExceededError');
      }),
    });
    const outcome = await clipFromMenu({ menuItemId: 'clip-page' }, TAB, p);
    expect(outcome).toEqual({ kind: 'failed', reason: 'QuotaExceededError' });
    expect(p.tell).toHaveBeenCalledWith(7, outcome);
  });

  it.each([
    [
      'a mailto: link',
      { menuItemId: 'clip-link', linkUrl: 'mailto:team@example.com', linkText: 'メール' },
      TAB,
    ],
    [
      'a page of the browser’s own',
      { menuItemId: 'clip-page' },
      { id: 7, url: 'about:addons', title: 'アドオン' },
    ],
    ['a link entry without a link', { menuItemId: 'clip-link' }, TAB],
  ])('clips nothing from %s and says why on the button', async (_, click, tab) => {
    const { ports: p } = ports();
    expect(await clipFromMenu(click, tab, p)).toEqual({ kind: 'unclippable' });
    expect(p.openPopup).not.toHaveBeenCalled();
    expect(p.save).not.toHaveBeenCalled();
    expect(p.tell).toHaveBeenCalledWith(7, { kind: 'unclippable' });
  });

  it('saves without trying the popup when there is no tab to open it on', async () => {
    const { ports: p } = ports();
    const outcome = await clipFromMenu(
      { menuItemId: 'clip-page', pageUrl: 'https://a.test/p' },
      undefined,
      p,
    );
    expect(outcome).toEqual({ kind: 'saved', title: 'https://a.test/p' });
    expect(p.openPopup).not.toHaveBeenCalled();
    expect(p.readPage).not.toHaveBeenCalled();
  });
});
