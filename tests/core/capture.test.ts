import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Capture,
  captureFromMenu,
  captureFromSearch,
  captureToSearch,
  quoteSelection,
  withQuote,
} from '../../src/core/capture';

const PAGE = { url: 'https://blog.cybozu.io/entry/2022/08/30/110000', title: '技術文書の書き方' };

describe('quoteSelection', () => {
  it.each([
    ['one line', '選んだ一文。', '> 選んだ一文。'],
    ['lines kept, each quoted', '一行目。\n二行目。', '> 一行目。\n> 二行目。'],
    ['CRLF and CR made LF', '一行目。\r\n二行目。\r三行目。', '> 一行目。\n> 二行目。\n> 三行目。'],
    ['a blank line inside stays in the one quote', '段落一。\n\n段落二。', '> 段落一。\n>\n> 段落二。'],
    ['blank lines and spaces at the ends dropped', '\n\n  本文。  \n\n', '>   本文。'],
    ['only whitespace gives nothing', ' \n\t\n　', ''],
  ])('%s', (_, selection, quote) => {
    expect(quoteSelection(selection)).toBe(quote);
  });

  it('makes every line of any selection a quote line (property)', () => {
    fc.assert(
      fc.property(fc.string(), (selection) => {
        const quote = quoteSelection(selection);
        if (quote === '') return;
        for (const line of quote.split('\n')) expect(line === '>' || line.startsWith('> ')).toBe(true);
      }),
    );
  });
});

describe('withQuote', () => {
  it.each([
    ['an empty note becomes the quote', '', '> 引用', '> 引用'],
    ['a note gets the quote below a blank line', 'メモ', '> 引用', 'メモ\n\n> 引用'],
    ['trailing blank lines of the note are not doubled', 'メモ\n\n', '> 引用', 'メモ\n\n> 引用'],
    ['a note already holding the quote is kept', 'メモ\n\n> 引用', '> 引用', 'メモ\n\n> 引用'],
    ['no quote leaves the note', 'メモ', undefined, 'メモ'],
  ])('%s', (_, note, quote, expected) => {
    expect(withQuote(note, quote)).toBe(expected);
  });
});

describe('captureFromMenu', () => {
  it('clips the page from its tab', () => {
    expect(captureFromMenu({ menuItemId: 'clip-page', pageUrl: 'https://x.test/' }, { tab: PAGE })).toEqual(
      PAGE,
    );
  });

  it('falls back to the click’s page URL, and the URL as the title, without a tab', () => {
    expect(captureFromMenu({ menuItemId: 'clip-page', pageUrl: 'https://x.test/a' })).toEqual({
      url: 'https://x.test/a',
      title: 'https://x.test/a',
    });
  });

  it('clips a link with its text: the click’s (Firefox), else the page’s (Chrome), spaces collapsed', () => {
    const click = {
      menuItemId: 'clip-link',
      linkUrl: 'https://istio.io/latest/blog/2022/introducing-ambient-mesh/',
    };
    expect(captureFromMenu({ ...click, linkText: ' Introducing\n Ambient Mesh ' }, { tab: PAGE })).toEqual({
      url: click.linkUrl,
      title: 'Introducing Ambient Mesh',
    });
    expect(captureFromMenu(click, { tab: PAGE, linkText: 'Introducing Ambient Mesh' })?.title).toBe(
      'Introducing Ambient Mesh',
    );
  });

  it('titles a link without text (an image link) with its URL', () => {
    const linkUrl = 'https://github.com/kubernetes-sigs/controller-runtime/releases/tag/v0.13.0';
    expect(captureFromMenu({ menuItemId: 'clip-link', linkUrl, linkText: '' }, { tab: PAGE })).toEqual({
      url: linkUrl,
      title: linkUrl,
    });
  });

  it('quotes the selection as the page has it, over the click’s joined selectionText', () => {
    const click = { menuItemId: 'clip-selection', selectionText: '一行目。 二行目。' };
    expect(captureFromMenu(click, { tab: PAGE, selection: '一行目。\n二行目。' })).toEqual({
      ...PAGE,
      quote: '> 一行目。\n> 二行目。',
    });
    expect(captureFromMenu(click, { tab: PAGE })?.quote).toBe('> 一行目。 二行目。');
  });

  it('clips the page alone when the selection is only whitespace', () => {
    expect(captureFromMenu({ menuItemId: 'clip-selection', selectionText: '  ' }, { tab: PAGE })).toEqual(
      PAGE,
    );
  });

  it('clips nothing for an unknown entry, a link entry without a link, or no page at all', () => {
    expect(captureFromMenu({ menuItemId: 'other' }, { tab: PAGE })).toBeUndefined();
    expect(captureFromMenu({ menuItemId: 'clip-link' }, { tab: PAGE })).toBeUndefined();
    expect(captureFromMenu({ menuItemId: 'clip-page' })).toBeUndefined();
  });
});

describe('the popup address', () => {
  it('carries any capture through and back intact (property)', () => {
    const capture = fc.record(
      { url: fc.webUrl(), title: fc.string(), quote: fc.string({ minLength: 1 }) },
      { requiredKeys: ['url', 'title'] },
    );
    fc.assert(
      fc.property(capture, (sent: Capture) => {
        expect(captureFromSearch(`?${captureToSearch(sent)}&tabId=3`)).toEqual(sent);
      }),
    );
  });

  it.each([
    ['no capture', '?tabId=3'],
    ['not JSON', '?capture=%7Bnope'],
    ['not an object', '?capture=3'],
    ['no URL', `?capture=${encodeURIComponent('{"title":"a"}')}`],
    [
      'a quote of the wrong type',
      `?capture=${encodeURIComponent('{"url":"https://a.test/","title":"a","quote":1}')}`,
    ],
  ])('reads no capture from an address with %s', (_, search) => {
    expect(captureFromSearch(search)).toBeUndefined();
  });
});
