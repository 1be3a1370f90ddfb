import { describe, expect, it } from 'vitest';
import { field, formStatesSeen, readForm, recordFormStates, waitForFormState } from './popup';
import { useHarness } from './use-harness';

// One Chromium for the file; each test uses pages of its own.
const harness = useHarness();

describe('drafts', () => {
  it('brings back what was typed when the popup is reopened, until a save clears it', async () => {
    const h = harness();
    const { page, tabId } = await h.openTab(h.articleUrl('draft'));
    const url = page.url();

    const first = await h.openPopupReady(tabId);
    expect(first.state).toBe('new');
    // Each edit stores the whole form, so once the last edit's draft is stored the earlier ones are too.
    await field(first.popup, 'category').selectOption({ label: '📘 Books' });
    await field(first.popup, 'title').fill('下書きのタイトル');
    await field(first.popup, 'note').fill('書きかけのメモ\n二行目');
    await h.waitForDraft(url, (draft) => draft?.note === '書きかけのメモ\n二行目');
    await first.popup.close();

    const second = await h.openPopupReady(tabId);
    expect(second.state).toBe('new');
    expect(await readForm(second.popup)).toEqual({
      title: '下書きのタイトル',
      url,
      note: '書きかけのメモ\n二行目',
      category: '📘 Books',
    });

    await field(second.popup, 'note').fill('保存するメモ');
    await field(second.popup, 'save').click();
    await waitForFormState(second.popup, 'saved');
    await h.waitForDraft(url, (draft) => draft === undefined);
    await second.popup.close();

    const third = await h.openPopupReady(tabId);
    expect(third.state).toBe('existing');
    expect(await readForm(third.popup)).toEqual({
      title: '下書きのタイトル',
      url,
      note: '保存するメモ',
      category: '📘 Books',
    });
    await Promise.all([third.popup.close(), page.close()]);
  });

  it('keeps a draft of an edit to an existing clipping, and saving it updates the clipping', async () => {
    const h = harness();
    const { page, tabId } = await h.openTab(h.articleUrl('draft-existing'));
    const url = page.url();

    const first = await h.openPopupReady(tabId);
    await field(first.popup, 'note').fill('初版');
    await field(first.popup, 'save').click();
    await waitForFormState(first.popup, 'saved');
    await first.popup.close();

    const edit = await h.openPopupReady(tabId);
    expect(edit.state).toBe('existing');
    await field(edit.popup, 'note').fill('第二版（下書き）');
    await h.waitForDraft(url, (draft) => draft?.note === '第二版（下書き）');
    await edit.popup.close();

    const resumed = await h.openPopupReady(tabId);
    expect(resumed.state).toBe('existing');
    expect(await field(resumed.popup, 'note').inputValue()).toBe('第二版（下書き）');
    await field(resumed.popup, 'save').click();
    await waitForFormState(resumed.popup, 'saved');
    await resumed.popup.close();

    const after = await h.openPopupReady(tabId);
    expect(after.state).toBe('existing');
    expect(await field(after.popup, 'note').inputValue()).toBe('第二版（下書き）');
    expect(await h.readDraft(url)).toBeUndefined();
    await Promise.all([after.popup.close(), page.close()]);
  });
});

describe('keyboard in the note', () => {
  it('inserts a newline on Enter and saves on Ctrl+Enter', async () => {
    const h = harness();
    const { page, tabId } = await h.openTab(h.articleUrl('enter'));

    const { popup } = await h.openPopupReady(tabId);
    await recordFormStates(popup);
    const note = field(popup, 'note');
    await note.click();
    await popup.keyboard.insertText('一行目');
    await popup.keyboard.press('Enter');
    await popup.keyboard.insertText('二行目');
    expect(await note.inputValue()).toBe('一行目\n二行目');
    // Once the last edit's draft is stored, a save that Enter had started would have shown.
    await h.waitForDraft(page.url(), (draft) => draft?.note === '一行目\n二行目');
    expect(await formStatesSeen(popup)).toEqual(['new']);

    await popup.keyboard.press('Control+Enter');
    await waitForFormState(popup, 'saved');
    await popup.close();

    const reopened = await h.openPopupReady(tabId);
    expect(reopened.state).toBe('existing');
    expect(await field(reopened.popup, 'note').inputValue()).toBe('一行目\n二行目');
    await Promise.all([reopened.popup.close(), page.close()]);
  });

  it('does not save or break the line while an IME composition is open', async () => {
    const h = harness();
    const { page, tabId } = await h.openTab(h.articleUrl('ime'));

    const { popup } = await h.openPopupReady(tabId);
    await recordFormStates(popup);
    const note = field(popup, 'note');
    await note.click();
    await popup.keyboard.insertText('メモ：');
    const cdp = await popup.context().newCDPSession(popup);
    await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
    expect(await note.evaluate((element) => (element as HTMLTextAreaElement).value)).toBe('メモ：にほんご');

    // What an IME sends for the Enter that picks a conversion: keyCode 229 ("Process") on Windows and
    // Linux, the Enter key itself with isComposing on macOS; and a Ctrl+Enter typed mid-composition.
    // https://developer.mozilla.org/en-US/docs/Web/API/Element/keydown_event#keydown_events_with_ime
    const composingKeys = [
      { key: 'Process', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, modifiers: 0 },
      { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, modifiers: 0 },
      { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, modifiers: 2 },
    ];
    for (const keyEvent of composingKeys) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...keyEvent });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...keyEvent });
    }
    expect(await note.inputValue()).toBe('メモ：にほんご');

    await cdp.send('Input.insertText', { text: '日本語' });
    expect(await note.inputValue()).toBe('メモ：日本語');
    // Once the committed text's draft is stored, a save started during the composition would have shown.
    await h.waitForDraft(page.url(), (draft) => draft?.note === 'メモ：日本語');
    expect(await formStatesSeen(popup)).toEqual(['new']);

    await popup.keyboard.press('Control+Enter');
    await waitForFormState(popup, 'saved');
    await cdp.detach();
    await popup.close();

    const reopened = await h.openPopupReady(tabId);
    expect(reopened.state).toBe('existing');
    expect(await field(reopened.popup, 'note').inputValue()).toBe('メモ：日本語');
    await Promise.all([reopened.popup.close(), page.close()]);
  });
});
