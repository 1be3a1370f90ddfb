import { describe, expect, it } from 'vitest';
import { clippingsWith, waitForClipping } from './options-page';
import { field, waitForFormState } from './popup';
import { useHarness } from './use-harness';

describe('after the browser restarts on the same profile', () => {
  const harness = useHarness();

  it('still lists the clippings and brings back an unsaved draft', async () => {
    const h = harness();
    const saved = await h.openTab(h.articleUrl('persisted', 'title=再起動後も残る記事'));
    const { popup } = await h.openPopupReady(saved.tabId);
    await field(popup, 'note').fill('再起動しても消えないこと');
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');

    const drafted = await h.openTab(h.articleUrl('drafted'));
    const draftUrl = drafted.page.url();
    const draftPopup = await h.openPopupReady(drafted.tabId);
    await field(draftPopup.popup, 'note').fill('保存前の下書き');
    await h.waitForDraft(draftUrl, (draft) => draft?.note === '保存前の下書き');

    await h.restart();

    const options = await h.openOptions();
    await waitForClipping(options, '再起動後も残る記事');
    expect(await clippingsWith(options, '再起動後も残る記事').count()).toBe(1);

    const again = await h.openTab(draftUrl);
    const reopened = await h.openPopupReady(again.tabId);
    expect(reopened.state).toBe('new');
    expect(await field(reopened.popup, 'note').inputValue()).toBe('保存前の下書き');
    await Promise.all([options.close(), reopened.popup.close(), again.page.close()]);
  });
});
