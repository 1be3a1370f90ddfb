import { describe, expect, it } from 'vitest';
import { clippingsWith, waitForClipping } from './options-page';
import { categoryLabels, FORM, field, readForm, waitForFormState } from './popup';
import { useHarness } from './use-harness';

const DEFAULT_CATEGORY_LABELS = [
  '👀 Notable Articles',
  '🛠️ Tools, Frameworks, Libraries',
  '✨ Release Notes',
  '🤝 Events',
  '📘 Books',
];

describe('clipping a page from the popup', () => {
  const harness = useHarness();

  it('saves the title, a Japanese note and a category, and lists the clipping in options', async () => {
    const h = harness();
    const title = 'Preact 11 の新機能 <まとめ> & "引用"';
    const url = h.articleUrl('preact-11', new URLSearchParams({ title }).toString());
    const { page, tabId } = await h.openTab(url);
    expect(page.url()).toBe(url);

    const { popup, state } = await h.openPopupReady(tabId);
    expect(state).toBe('new');
    expect(await field(popup, 'title').inputValue()).toBe(title);
    expect(await field(popup, 'url').inputValue()).toBe(url);
    expect(await categoryLabels(popup)).toEqual(DEFAULT_CATEGORY_LABELS);

    await field(popup, 'note').fill('シグナルまわりが大きく変わった。移行ガイドも読みやすい。');
    await field(popup, 'category').selectOption({ label: '🛠️ Tools, Frameworks, Libraries' });
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');

    const options = await h.openOptions();
    await waitForClipping(options, title);
    expect(await clippingsWith(options, title).count()).toBe(1);

    const reopened = await h.openPopupReady(tabId);
    expect(reopened.state).toBe('existing');
    expect(await readForm(reopened.popup)).toEqual({
      title,
      url,
      note: 'シグナルまわりが大きく変わった。移行ガイドも読みやすい。',
      category: '🛠️ Tools, Frameworks, Libraries',
    });
    await Promise.all([popup.close(), options.close(), reopened.popup.close(), page.close()]);
  });

  it('removes tracking parameters and updates the clipping when the same URL is clipped again', async () => {
    const h = harness();
    const tracked = h.articleUrl('tracked', 'utm_source=twitter&utm_medium=social&id=7', 'frag');
    const cleaned = h.articleUrl('tracked', 'id=7', 'frag');
    const first = await h.openTab(tracked);

    const { popup, state } = await h.openPopupReady(first.tabId);
    expect(state).toBe('new');
    // Shown cleaned before the save, as it will be saved.
    expect(await field(popup, 'url').inputValue()).toBe(cleaned);
    await field(popup, 'note').fill('最初のメモ');
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');
    await popup.close();

    const again = await h.openPopupReady(first.tabId);
    expect(again.state).toBe('existing');
    expect(await field(again.popup, 'url').inputValue()).toBe(cleaned);
    await again.popup.close();

    // The same article without tracking parameters or fragment is the same clipping.
    const plain = await h.openTab(h.articleUrl('tracked', 'id=7'));
    const edit = await h.openPopupReady(plain.tabId);
    expect(edit.state).toBe('existing');
    expect(await field(edit.popup, 'url').inputValue()).toBe(cleaned);
    expect(await field(edit.popup, 'note').inputValue()).toBe('最初のメモ');
    await field(edit.popup, 'note').fill('更新したメモ');
    await field(edit.popup, 'save').click();
    await waitForFormState(edit.popup, 'saved');
    await edit.popup.close();

    const options = await h.openOptions();
    await waitForClipping(options, 'Article tracked');
    expect(await clippingsWith(options, 'Article tracked').count()).toBe(1);
    await options.close();

    const updated = await h.openPopupReady(first.tabId);
    expect(updated.state).toBe('existing');
    expect(await field(updated.popup, 'note').inputValue()).toBe('更新したメモ');
    expect(await field(updated.popup, 'url').inputValue()).toBe(cleaned);
    await Promise.all([updated.popup.close(), first.page.close(), plain.page.close()]);
  });

  it.each([
    ['about:blank', 'about:blank'],
    ['a chrome:// page', 'chrome://version'],
  ])('shows an error and no form fields on %s', async (_name, url) => {
    const h = harness();
    const { page, tabId } = await h.openTab(url);
    const { popup, state } = await h.openPopupReady(tabId);
    expect(state).toBe('error');
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; the rendered text is what a person reads.
    const message = await popup.locator(FORM).innerText();
    expect(message.trim()).not.toBe('');
    expect(await popup.locator(`${FORM} :is(input, textarea, select)`).count()).toBe(0);
    expect(await field(popup, 'note').count()).toBe(0);
    await Promise.all([popup.close(), page.close()]);
  });
});
