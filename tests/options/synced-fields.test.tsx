import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { freshRepositories } from '../support/database';
import { makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/**
 * Defects 10 and 6 of issue 7: the page's text fields save as typed (nothing is lost by switching views),
 * and a field follows a value changed in another tab, asking when both sides changed it. Two pages over
 * one database stand in for two tabs; `load()` is what the change feed calls on the other page.
 */

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15', afterword: '' });

async function twoTabs() {
  const repos = await freshRepositories();
  await repos.issues.save(ISSUE);
  const a = await renderOptions({ repos, settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly' } });
  const b = await renderOptions({ repos });
  const field = (page: typeof a, testId: string) =>
    within(page.view.container as HTMLElement).getByTestId(testId) as HTMLInputElement | HTMLTextAreaElement;
  return { repos, a, b, field };
}

const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  fireEvent.input(input, { target: { value } });

describe('settings are saved as typed', () => {
  it.each([
    ['setting-name', 'Infra Weekly', (s: typeof DEFAULT_SETTINGS) => s.name],
    ['setting-intro', '{{name}} 第{{number}}回です。', (s: typeof DEFAULT_SETTINGS) => s.introTemplate],
    ['setting-member', '山田', (s: typeof DEFAULT_SETTINGS) => s.memberName],
    ['setting-emoji', '🐈', (s: typeof DEFAULT_SETTINGS) => s.emoji],
    ['setting-topics', 'infra, weekly', (s: typeof DEFAULT_SETTINGS) => s.topics.join(', ')],
  ])('%s survives switching views right after typing', async (testId, value, read) => {
    const { a, repos, field } = await twoTabs();
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-settings'));
    type(field(a, testId), value);
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-issue'));
    await waitFor(async () => expect(read(await repos.settings.getNewsletter())).toBe(value));
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-settings'));
    expect(field(a, testId).value).toBe(value);
  });

  it('keeps each field when several are typed one after another', async () => {
    const { a, repos, field } = await twoTabs();
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-settings'));
    type(field(a, 'setting-name'), 'Infra Weekly');
    fireEvent.blur(field(a, 'setting-name'));
    type(field(a, 'setting-member'), '山田');
    fireEvent.blur(field(a, 'setting-member'));
    await waitFor(async () =>
      expect(await repos.settings.getNewsletter()).toMatchObject({
        name: 'Infra Weekly',
        memberName: '山田',
      }),
    );
  });

  it('never saves an empty name, and saves the name typed after it', async () => {
    const { a, repos, field } = await twoTabs();
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-settings'));
    type(field(a, 'setting-name'), '  ');
    fireEvent.blur(field(a, 'setting-name'));
    type(field(a, 'setting-name'), ' Infra ');
    fireEvent.blur(field(a, 'setting-name'));
    await waitFor(async () => expect((await repos.settings.getNewsletter()).name).toBe('Infra'));
  });

  it('renames a category as typed, kept through a view switch', async () => {
    const { a, repos } = await twoTabs();
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-settings'));
    const [first] = within(a.view.container as HTMLElement).getAllByTestId(
      'category-label',
    ) as HTMLInputElement[];
    type(first as HTMLInputElement, '👀 読んだもの');
    fireEvent.click(within(a.view.container as HTMLElement).getByTestId('nav-issue'));
    await waitFor(async () => expect((await repos.categories.list())[0]?.label).toBe('👀 読んだもの'));
  });
});

describe('category names edited in two tabs', () => {
  const labels = (page: { view: { container: Element } }) =>
    within(page.view.container as HTMLElement).getAllByTestId('category-label') as HTMLInputElement[];

  it('keeps another tab’s rename of one category when this tab renames another', async () => {
    const { a, b, repos } = await twoTabs();
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    type(labels(b)[0] as HTMLInputElement, '👀 読んだもの');
    fireEvent.blur(labels(b)[0] as HTMLInputElement);
    await waitFor(async () => expect((await repos.categories.list())[0]?.label).toBe('👀 読んだもの'));
    // A has not reloaded: its list still has the old first label.
    type(labels(a)[1] as HTMLInputElement, '🛠️ 道具');
    fireEvent.blur(labels(a)[1] as HTMLInputElement);
    await waitFor(async () =>
      expect((await repos.categories.list()).slice(0, 2).map((c) => c.label)).toEqual([
        '👀 読んだもの',
        '🛠️ 道具',
      ]),
    );
  });

  it('asks instead of renaming over a name this tab has not seen', async () => {
    const { a, b, repos } = await twoTabs();
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    type(labels(b)[0] as HTMLInputElement, 'あちらの名前');
    fireEvent.blur(labels(b)[0] as HTMLInputElement);
    await waitFor(async () => expect((await repos.categories.list())[0]?.label).toBe('あちらの名前'));
    type(labels(a)[0] as HTMLInputElement, 'こちらの名前');
    fireEvent.blur(labels(a)[0] as HTMLInputElement);
    const conflict = await within(a.view.container as HTMLElement).findByTestId(
      'category-notable-articles-label-conflict',
    );
    expect(conflict.textContent).toContain('あちらの名前');
    expect((labels(a)[0] as HTMLInputElement).value).toBe('こちらの名前');
    expect((await repos.categories.list())[0]?.label).toBe('あちらの名前');
  });
});

describe('a field follows changes made in another tab', () => {
  it('shows the afterword another tab saved, and builds on it', async () => {
    const { a, b, repos, field } = await twoTabs();
    type(field(a, 'issue-afterword'), 'A の感想');
    fireEvent.blur(field(a, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('A の感想'));
    await b.state.load();
    await waitFor(() => expect(field(b, 'issue-afterword').value).toBe('A の感想'));
    type(field(b, 'issue-afterword'), 'A の感想\nB の追記');
    fireEvent.blur(field(b, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('A の感想\nB の追記'));
    await a.state.load();
    await waitFor(() => expect(field(a, 'issue-afterword').value).toBe('A の感想\nB の追記'));
  });

  it('asks instead of dropping text when both tabs changed the afterword', async () => {
    const { a, b, repos, field } = await twoTabs();
    type(field(a, 'issue-afterword'), 'こちらの下書き');
    type(field(b, 'issue-afterword'), 'あちらの文章');
    fireEvent.blur(field(b, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('あちらの文章'));
    await a.state.load();
    const conflict = await within(a.view.container as HTMLElement).findByTestId('issue-afterword-conflict');
    expect(within(conflict).getByTestId('issue-afterword-theirs').textContent).toBe('あちらの文章');
    expect(field(a, 'issue-afterword').value).toBe('こちらの下書き');
    // Nothing is written while the choice is open, however the field is left.
    fireEvent.blur(field(a, 'issue-afterword'));
    fireEvent.click(within(conflict).getByTestId('issue-afterword-keep-mine'));
    fireEvent.blur(field(a, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('こちらの下書き'));
    await b.state.load();
    await waitFor(() => expect(field(b, 'issue-afterword').value).toBe('こちらの下書き'));
  });

  it('refuses to write over a text this tab has not seen yet, and asks', async () => {
    const { a, b, repos, field } = await twoTabs();
    type(field(b, 'issue-afterword'), 'あちらの文章');
    fireEvent.blur(field(b, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('あちらの文章'));
    // A has not heard of it (no load): its write must not land over it.
    type(field(a, 'issue-afterword'), 'こちらの下書き');
    fireEvent.blur(field(a, 'issue-afterword'));
    const conflict = await within(a.view.container as HTMLElement).findByTestId('issue-afterword-conflict');
    expect(within(conflict).getByTestId('issue-afterword-theirs').textContent).toBe('あちらの文章');
    expect(field(a, 'issue-afterword').value).toBe('こちらの下書き');
    expect((await repos.issues.getOpen())?.afterword).toBe('あちらの文章');
  });

  it('keeps a setting another tab changed when this tab saves a different one', async () => {
    const { a, b, repos, field } = await twoTabs();
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    type(field(b, 'setting-name'), 'Infra Weekly');
    fireEvent.blur(field(b, 'setting-name'));
    await waitFor(async () => expect((await repos.settings.getNewsletter()).name).toBe('Infra Weekly'));
    type(field(a, 'setting-member'), '山田');
    fireEvent.blur(field(a, 'setting-member'));
    await waitFor(async () =>
      expect(await repos.settings.getNewsletter()).toMatchObject({
        name: 'Infra Weekly',
        memberName: '山田',
      }),
    );
  });

  it('takes the other tab’s text when asked to', async () => {
    const { a, b, repos, field } = await twoTabs();
    type(field(a, 'issue-afterword'), 'こちら');
    type(field(b, 'issue-afterword'), 'あちら');
    fireEvent.blur(field(b, 'issue-afterword'));
    await waitFor(async () => expect((await repos.issues.getOpen())?.afterword).toBe('あちら'));
    await a.state.load();
    fireEvent.click(
      await within(a.view.container as HTMLElement).findByTestId('issue-afterword-take-theirs'),
    );
    expect(field(a, 'issue-afterword').value).toBe('あちら');
    expect(within(a.view.container as HTMLElement).queryByTestId('issue-afterword-conflict')).toBeNull();
  });

  it('follows a setting changed in another tab', async () => {
    const { a, b, field } = await twoTabs();
    for (const page of [a, b])
      fireEvent.click(within(page.view.container as HTMLElement).getByTestId('nav-settings'));
    type(field(b, 'setting-intro'), '新しい前書き');
    fireEvent.blur(field(b, 'setting-intro'));
    await waitFor(async () =>
      expect((await b.repositories.settings.getNewsletter()).introTemplate).toBe('新しい前書き'),
    );
    await a.state.load();
    await waitFor(() => expect(field(a, 'setting-intro').value).toBe('新しい前書き'));
  });
});
