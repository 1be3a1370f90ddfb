import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { titleRulesOf } from '../../src/core/page-facts';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../../src/core/settings';
import { DEFAULT_TITLE_RULES } from '../../src/core/title-cleanup';
import { formatTitleRules } from '../../src/core/title-rules-text';
import { freshRepositories } from '../support/database';
import { renderOptions } from '../support/options';

const DEFAULT_TEXT = formatTitleRules(DEFAULT_TITLE_RULES);
const MINE = '# 自分用\nzenn.dev suffix | Zenn\nexample.com suffix | Example';

async function settingsPage(titleRules: string | null = null) {
  const page = await renderOptions({ settings: { ...DEFAULT_SETTINGS, titleRules } });
  const screen = within(page.view.container as HTMLElement);
  fireEvent.click(screen.getByTestId('nav-settings'));
  const field = () => screen.getByTestId('setting-title-rules') as HTMLTextAreaElement;
  const errors = () =>
    within(screen.getByTestId('setting-title-rules-errors'))
      .queryAllByRole('listitem')
      .map((item) => item.textContent);
  const reset = () => screen.getByTestId('setting-title-rules-reset') as HTMLButtonElement;
  const stored = async (): Promise<NewsletterSettings> => page.repositories.settings.getNewsletter();
  return { ...page, screen, field, errors, reset, stored };
}

/** Types into the field and leaves it, as a person does before clicking elsewhere. */
function typeAndLeave(field: HTMLTextAreaElement, value: string) {
  fireEvent.input(field, { target: { value } });
  fireEvent.blur(field);
}

describe('the title cleanup rules on the settings page', () => {
  it('shows the built-in rules, and says so, while none were edited', async () => {
    const { screen, field, errors, reset } = await settingsPage();
    expect(field().value).toBe(DEFAULT_TEXT);
    expect(field().value).toContain('zenn.dev suffix | Zenn');
    expect(field().getAttribute('aria-describedby')).toBe('setting-title-rules-help');
    expect(screen.getByText(/クリップするときにページのタイトルから/).id).toBe('setting-title-rules-help');
    expect(screen.getByTestId('setting-title-rules-default').textContent).toBe(
      '既定の規則を使っています。新しいバージョンの規則も自動で入ります。',
    );
    expect(errors()).toEqual([]);
    expect(reset().disabled).toBe(true);
  });

  it('saves the rules as typed', async () => {
    const { screen, field, reset, stored } = await settingsPage();
    typeAndLeave(field(), MINE);
    await waitFor(async () => expect((await stored()).titleRules).toBe(MINE));
    await waitFor(() => expect(screen.queryByTestId('setting-title-rules-default')).toBeNull());
    expect(reset().disabled).toBe(false);
    expect(field().value).toBe(MINE);
  });

  it('saves without leaving the field once typing pauses', async () => {
    const { field, stored } = await settingsPage();
    fireEvent.input(field(), { target: { value: MINE } });
    await waitFor(async () => expect((await stored()).titleRules).toBe(MINE));
  });

  it('stores null when the text typed is exactly the built-in rules', async () => {
    const { screen, field, stored, reset } = await settingsPage(MINE);
    expect(field().value).toBe(MINE);
    expect(screen.queryByTestId('setting-title-rules-default')).toBeNull();
    typeAndLeave(field(), DEFAULT_TEXT);
    await waitFor(async () => expect((await stored()).titleRules).toBeNull());
    await screen.findByTestId('setting-title-rules-default');
    expect(reset().disabled).toBe(true);
    expect(field().value).toBe(DEFAULT_TEXT);
  });

  it('keeps the built-in rules plus one more line as the member’s own text', async () => {
    const { field, stored } = await settingsPage();
    const text = `${DEFAULT_TEXT}\nexample.com suffix | Example`;
    typeAndLeave(field(), text);
    await waitFor(async () => expect((await stored()).titleRules).toBe(text));
  });

  it('lists each line in error with its problem, and still saves the text with the valid lines', async () => {
    const { field, errors, stored } = await settingsPage();
    const text = [
      '* counter',
      'example.com',
      'https://example.com/ suffix | Example',
      'example.com suffix',
      '* counter 3件',
      `* suffix ${'x'.repeat(200)}`,
      'zenn.dev suffix | Zenn',
    ].join('\n');
    fireEvent.input(field(), { target: { value: text } });
    // Shown as typed, before any save.
    expect(errors()).toEqual([
      '2 行目: 種類がわかりません（この行は使われません）',
      '3 行目: サイトはホスト名（例: zenn.dev）か * で書いてください（この行は使われません）',
      '4 行目: 取り除く文字列がありません（この行は使われません）',
      '5 行目: この種類は文字列を取りません（この行は使われません）',
      '6 行目: 長すぎます（200 文字まで）（この行は使われません）',
    ]);
    fireEvent.blur(field());
    await waitFor(async () => expect((await stored()).titleRules).toBe(text));
    expect(titleRulesOf(await stored())).toEqual([
      { kind: 'counter' },
      { site: 'zenn.dev', kind: 'suffix', text: '| Zenn' },
    ]);
  });

  it('says when there are too many rules', async () => {
    const { field, errors } = await settingsPage();
    const text = Array.from({ length: 201 }, () => '* counter').join('\n');
    fireEvent.input(field(), { target: { value: text } });
    expect(errors()).toEqual(['201 行目: 規則が多すぎます（200 個まで）（この行は使われません）']);
  });

  it('shows the errors of stored rules when the page opens, and clears them once fixed', async () => {
    const { field, errors } = await settingsPage('* counter\nzenn.dev sufix | Zenn');
    expect(errors()).toEqual(['2 行目: 種類がわかりません（この行は使われません）']);
    fireEvent.input(field(), { target: { value: '* counter\nzenn.dev suffix | Zenn' } });
    expect(errors()).toEqual([]);
  });

  it('shows a line’s text as text, never as markup', async () => {
    const { field, screen } = await settingsPage();
    fireEvent.input(field(), { target: { value: '<img src=x onerror=alert(1)> suffix x' } });
    expect(screen.getByTestId('setting-title-rules-errors').querySelector('img')).toBeNull();
  });

  it('goes back to the built-in rules with the reset button', async () => {
    const { screen, field, reset, stored } = await settingsPage(MINE);
    expect(reset().disabled).toBe(false);
    fireEvent.click(reset());
    await waitFor(async () => expect((await stored()).titleRules).toBeNull());
    await waitFor(() => expect(field().value).toBe(DEFAULT_TEXT));
    expect(screen.getByTestId('setting-title-rules-default')).toBeTruthy();
    expect(reset().disabled).toBe(true);
    expect(screen.queryByTestId('setting-title-rules-conflict')).toBeNull();
  });

  it('resets what was just typed too, without asking', async () => {
    const { screen, field, reset, stored } = await settingsPage(MINE);
    typeAndLeave(field(), `${MINE}\n* counter`);
    fireEvent.click(reset());
    await waitFor(async () => expect((await stored()).titleRules).toBeNull());
    await waitFor(() => expect(field().value).toBe(DEFAULT_TEXT));
    expect(screen.queryByTestId('setting-title-rules-conflict')).toBeNull();
    // Nothing typed earlier lands after the reset.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await stored()).titleRules).toBeNull();
    expect(field().value).toBe(DEFAULT_TEXT);
  });

  it('resets text still being typed, without asking and without saving it after', async () => {
    // Failed before reset went through the field: its separate write of null met the unsaved text as
    // another page's change, and the page asked whether to keep it.
    const { screen, field, reset, stored } = await settingsPage(MINE);
    fireEvent.input(field(), { target: { value: `${MINE}\n* counter` } });
    fireEvent.click(reset());
    await waitFor(async () => expect((await stored()).titleRules).toBeNull());
    expect(field().value).toBe(DEFAULT_TEXT);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByTestId('setting-title-rules-conflict')).toBeNull();
    expect((await stored()).titleRules).toBeNull();
    expect(field().value).toBe(DEFAULT_TEXT);
  });

  it('offers to reset unsaved text typed over the built-in rules, and drops it', async () => {
    const { field, reset, stored } = await settingsPage();
    fireEvent.input(field(), { target: { value: '* counter' } });
    expect(reset().disabled).toBe(false);
    fireEvent.click(reset());
    expect(field().value).toBe(DEFAULT_TEXT);
    expect(reset().disabled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await stored()).titleRules).toBeNull();
  });

  it('follows a reset made in another tab', async () => {
    const repos = await freshRepositories();
    const a = await renderOptions({ repos, settings: { ...DEFAULT_SETTINGS, titleRules: MINE } });
    const b = await renderOptions({ repos });
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    const inA = within(a.view.container as HTMLElement);
    fireEvent.click(within(b.view.container as HTMLElement).getByTestId('setting-title-rules-reset'));
    await waitFor(async () => expect((await repos.settings.getNewsletter()).titleRules).toBeNull());
    await a.state.load();
    await waitFor(() =>
      expect((inA.getByTestId('setting-title-rules') as HTMLTextAreaElement).value).toBe(DEFAULT_TEXT),
    );
    expect(inA.getByTestId('setting-title-rules-default')).toBeTruthy();
  });

  it('asks instead of resetting over rules another tab saved that this tab has not seen', async () => {
    const repos = await freshRepositories();
    const a = await renderOptions({ repos, settings: { ...DEFAULT_SETTINGS, titleRules: MINE } });
    const b = await renderOptions({ repos });
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    const theirs = `${MINE}\n* hashtags`;
    const fieldB = within(b.view.container as HTMLElement).getByTestId('setting-title-rules');
    typeAndLeave(fieldB as HTMLTextAreaElement, theirs);
    await waitFor(async () => expect((await repos.settings.getNewsletter()).titleRules).toBe(theirs));
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('setting-title-rules-reset'));
    const conflict = await within(a.view.container as HTMLElement).findByTestId(
      'setting-title-rules-conflict',
    );
    expect(within(conflict).getByTestId('setting-title-rules-theirs').textContent).toBe(theirs);
    expect((await repos.settings.getNewsletter()).titleRules).toBe(theirs);
  });

  it('keeps the other settings when the rules are saved or reset', async () => {
    const { field, reset, stored } = await settingsPage();
    typeAndLeave(field(), MINE);
    await waitFor(async () => expect((await stored()).titleRules).toBe(MINE));
    fireEvent.click(reset());
    await waitFor(async () => expect((await stored()).titleRules).toBeNull());
    expect({ ...(await stored()), titleRules: MINE }).toEqual({ ...DEFAULT_SETTINGS, titleRules: MINE });
  });
});
