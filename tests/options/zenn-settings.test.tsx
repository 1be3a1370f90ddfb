import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../../src/core/settings';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/** Issue 10: the Zenn title's topic, the footer, and the article file's settings and Zenn's rules for it. */

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15', afterword: 'また来週' });
const SETTINGS: NewsletterSettings = { ...DEFAULT_SETTINGS, name: 'Neco Weekly' };

function item(overrides: Partial<Clipping> & Pick<Clipping, 'id' | 'title'>): Clipping {
  return makeClipping({ url: `https://example.com/${overrides.id}`, issueId: ISSUE.id, ...overrides });
}

const CLIPPINGS = [
  item({ id: 'a', title: 'Cilium 1.14', order: 0 }),
  item({ id: 'b', title: '次', order: 1 }),
];

const byId = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const markdown = () => screen.getByTestId('issue-markdown').textContent ?? '';
const type = (testId: string, value: string) => fireEvent.input(byId(testId), { target: { value } });
const problems = () =>
  [...(screen.queryByTestId('article-problems')?.querySelectorAll('li') ?? [])].map((li) => li.textContent);

async function open(settings: Partial<NewsletterSettings> = {}) {
  return renderOptions({ issues: [ISSUE], settings: { ...SETTINGS, ...settings }, clippings: CLIPPINGS });
}

/** Types into a settings field, leaves it (which saves), and waits for the stored settings to have it. */
async function setSetting(
  page: Awaited<ReturnType<typeof open>>,
  testId: string,
  value: string,
  read: (settings: NewsletterSettings) => unknown,
  expected: unknown = value,
) {
  type(testId, value);
  fireEvent.blur(byId(testId));
  await waitFor(async () => expect(read(await page.repositories.settings.getNewsletter())).toEqual(expected));
}

describe('the Zenn title topic', () => {
  it('names the topic typed in the title at once, stores it on the issue, and falls back to the headline', async () => {
    const { repositories } = await open();
    const title = () => byId('issue-title').value;
    expect(byId('issue-topic').placeholder).toBe('Cilium 1.14');
    expect(title()).toBe('Cilium 1.14 の話題など: Neco Weekly (2023-09-15号)');

    type('issue-topic', 'Cilium BGP Control Plane');
    // Drawn with the key, before the pause that saves it.
    expect(title()).toBe('Cilium BGP Control Plane の話題など: Neco Weekly (2023-09-15号)');
    expect((await repositories.issues.get(ISSUE.id))?.topic).toBeUndefined();
    await waitFor(async () =>
      expect((await repositories.issues.get(ISSUE.id))?.topic).toBe('Cilium BGP Control Plane'),
    );

    type('issue-topic', 'eBPF');
    fireEvent.blur(byId('issue-topic'));
    expect(title()).toBe('eBPF の話題など: Neco Weekly (2023-09-15号)');
    await waitFor(async () => expect((await repositories.issues.get(ISSUE.id))?.topic).toBe('eBPF'));

    // Emptied, the title names the headline item again, and the placeholder said which.
    type('issue-topic', '');
    expect(title()).toBe('Cilium 1.14 の話題など: Neco Weekly (2023-09-15号)');
    await waitFor(async () => expect((await repositories.issues.get(ISSUE.id))?.topic).toBe(''));
  });

  it('puts the topic in the copied title and the downloaded file', async () => {
    const { copied, downloads } = await open();
    type('issue-topic', 'Kubernetes 1.28');
    fireEvent.blur(byId('issue-topic'));
    fireEvent.click(screen.getByTestId('issue-copy-title'));
    await waitFor(() =>
      expect(copied.at(-1)?.text).toBe('Kubernetes 1.28 の話題など: Neco Weekly (2023-09-15号)'),
    );
    fireEvent.click(screen.getByTestId('issue-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.content).toContain(
      'title: "Kubernetes 1.28 の話題など: Neco Weekly (2023-09-15号)"',
    );
  });

  it('refuses the download while the topic makes the title too long, and allows it once shortened', async () => {
    const { downloads } = await open();
    type('issue-topic', 'あ'.repeat(50));
    expect(problems()).toEqual(['タイトルが 82 文字です。Zenn は 70 文字までです（話題を短くしてください）']);
    fireEvent.click(screen.getByTestId('issue-download'));
    expect(screen.getByTestId('copy-status').textContent).toContain('ダウンロードしませんでした');
    expect(downloads).toHaveLength(0);

    type('issue-topic', 'あ'.repeat(10));
    expect(screen.queryByTestId('article-problems')).toBeNull();
    // The refusal went with its cause.
    expect(screen.getByTestId('copy-status').textContent).toBe('');
    fireEvent.click(screen.getByTestId('issue-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
  });
});

describe('the newsletter settings for Zenn', () => {
  it('writes the footer after あとがき, filled in for the issue', async () => {
    const page = await open();
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(byId('settings-footer').getAttribute('aria-describedby')).toBe('settings-footer-help');
    await setSetting(page, 'settings-footer', '{{name}} 第{{number}}回 😺', (s) => s.footerTemplate);
    fireEvent.click(screen.getByTestId('nav-issue'));
    expect(markdown()).toMatch(/## あとがき\n\nまた来週\n\nNeco Weekly 第41回 😺\n$/);
  });

  it('writes the type, the Publication and the slug pattern into the downloaded file', async () => {
    const page = await open();
    fireEvent.click(screen.getByTestId('nav-settings'));
    const zennType = screen.getByTestId('setting-zenn-type') as HTMLSelectElement;
    expect(zennType.value).toBe('idea');
    expect([...zennType.options].map((option) => option.textContent)).toEqual([
      'tech（技術記事）',
      'idea（アイデア）',
    ]);
    fireEvent.change(zennType, { target: { value: 'tech' } });
    await waitFor(async () =>
      expect((await page.repositories.settings.getNewsletter()).zennType).toBe('tech'),
    );
    await setSetting(page, 'setting-publication-name', 'cybozu_neco', (s) => s.publicationName);
    type('setting-slug-pattern', 'neco-weekly-{number}');
    // The field shows the open issue's file name as the pattern is typed.
    expect(screen.getByTestId('setting-slug-example').textContent).toBe(
      '今の号のファイル名: neco-weekly-41.md',
    );
    fireEvent.blur(byId('setting-slug-pattern'));
    await waitFor(async () =>
      expect((await page.repositories.settings.getNewsletter()).slugPattern).toBe('neco-weekly-{number}'),
    );

    fireEvent.click(screen.getByTestId('nav-issue'));
    expect(screen.queryByTestId('article-problems')).toBeNull();
    fireEvent.click(screen.getByTestId('issue-download'));
    await waitFor(() => expect(page.downloads).toHaveLength(1));
    const [file] = page.downloads;
    expect(file?.filename).toBe('neco-weekly-41.md');
    expect(file?.content).toContain('\ntype: "tech"\n');
    expect(file?.content).toContain('\npublication_name: "cybozu_neco"\n');
  });

  it('refuses the download for two emoji, and says so in Japanese, until there is one', async () => {
    const page = await open({ emoji: '🐈🐈' });
    expect(screen.getByTestId('article-problems').getAttribute('role')).toBe('alert');
    expect(problems()).toEqual(['絵文字を 1 つだけ指定してください（設定の「Zenn 記事の絵文字」）']);
    fireEvent.click(screen.getByTestId('issue-download'));
    expect(screen.getByTestId('copy-status').textContent).toBe(
      'Zenn が受け付けない箇所があるため、記事ファイルをダウンロードしませんでした',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.downloads).toHaveLength(0);

    fireEvent.click(screen.getByTestId('nav-settings'));
    await setSetting(page, 'setting-emoji', '🐈', (s) => s.emoji);
    fireEvent.click(screen.getByTestId('nav-issue'));
    expect(screen.queryByTestId('article-problems')).toBeNull();
    fireEvent.click(screen.getByTestId('issue-download'));
    await waitFor(() => expect(page.downloads).toHaveLength(1));
    expect(page.downloads[0]?.content).toContain('\nemoji: "🐈"\n');
  });

  it('names each topic, Publication and slug problem, and downloads nothing', async () => {
    const page = await open({
      topics: ['kubernetes', 'vue.js', 'infrastructureascode', 'cilium', 'ebpf', 'go'],
      publicationName: 'Cybozu-Neco',
      slugPattern: '{number}',
    });
    expect(problems()).toEqual([
      'トピックは 5 つまでです（6 つあります）',
      'トピック「vue.js」に記号や空白は使えません',
      'トピック「infrastructureascode」は 18 文字までです',
      'Publication 名「Cybozu-Neco」は半角英小文字・数字・_ の 2〜15 文字です',
      'スラッグ「41」は半角英小文字・数字・-・_ の 12〜50 文字にしてください（設定のスラッグの形）',
    ]);
    fireEvent.click(screen.getByTestId('issue-download'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.downloads).toHaveLength(0);
  });

  it.each([
    ['settings-footer', '— {{name}}', (s: NewsletterSettings) => s.footerTemplate],
    ['setting-publication-name', 'neco', (s: NewsletterSettings) => s.publicationName],
    ['setting-slug-pattern', '{name}-{number}', (s: NewsletterSettings) => s.slugPattern],
  ])('%s survives switching views right after typing', async (testId, value, read) => {
    const { repositories } = await open();
    fireEvent.click(screen.getByTestId('nav-settings'));
    type(testId, value);
    fireEvent.click(screen.getByTestId('nav-issue'));
    await waitFor(async () => expect(read(await repositories.settings.getNewsletter())).toBe(value));
  });
});

describe('closing the popup after a save', () => {
  it('is on by default, and the checkbox stores the choice', async () => {
    const { repositories } = await open();
    fireEvent.click(screen.getByTestId('nav-settings'));
    const box = byId('setting-close-popup');
    expect(box.checked).toBe(true);
    expect(box.closest('label')?.textContent).toContain('保存したらポップアップを閉じる');
    fireEvent.click(box);
    await waitFor(async () =>
      expect((await repositories.settings.getNewsletter()).closePopupAfterSave).toBe(false),
    );
    expect(byId('setting-close-popup').checked).toBe(false);
  });
});
