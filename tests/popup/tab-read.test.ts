import { describe, expect, it } from 'vitest';
import { createPopupState } from '../../src/popup/state';
import { createTranslator } from '../support/i18n';

/**
 * The popup is drawn once its tab is read (main.tsx waits for `tabRead`): before the database answers,
 * with the form usable, or with the reason the page cannot be clipped.
 */
const t = createTranslator('ja');
const never = new Promise<never>(() => {});

function popup(getTab: () => Promise<{ id: number; url: string | undefined; title: string } | undefined>) {
  return createPopupState({ tabs: { getTab }, repositories: never, t, now: Date.now });
}

describe('tabRead', () => {
  it('settles with the form usable, while the database has not answered', async () => {
    const state = popup(async () => ({ id: 1, url: 'https://example.com/a', title: '記事' }));
    void state.load();
    await state.tabRead;
    expect(state.usable.value).toBe(true);
    expect(state.fields.value.title).toBe('記事');
    expect(state.status.value).toBe('loading');
  });

  it('settles on a page that cannot be clipped, with the reason', async () => {
    const state = popup(async () => ({ id: 1, url: 'chrome://settings', title: '設定' }));
    void state.load();
    await state.tabRead;
    expect(state.blocker.value).not.toBeNull();
  });

  it('settles when the tab cannot be read at all', async () => {
    const state = popup(() => Promise.reject(new Error('No tab with id: 7')));
    await state.load();
    await state.tabRead;
    expect(state.status.value).toBe('error');
  });

  it('does not settle before the tab is read', async () => {
    const state = popup(() => never);
    void state.load();
    const settled = await Promise.race([state.tabRead.then(() => true), Promise.resolve(false)]);
    expect(settled).toBe(false);
  });
});
