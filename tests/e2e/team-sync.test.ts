import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRepository, type GitServer, startGitServer } from '../support/git-server';
import { Harness } from './harness';
import { byTestId, commitField, waitForMarkdown, waitForValue } from './options-page';
import { field, waitForFormState } from './popup';

/**
 * Issue 11 end to end: three profiles (two members and an editor), each its own Chromium with the
 * built extension, connect to one bare repository behind a real `git http-backend`, clip, and sync.
 * What lands is read back with `git` itself.
 */

const TOKEN = 'github_pat_e2e_team_token';
let server: GitServer;
const members: Record<'sato' | 'suzuki' | 'editor', Harness> = {} as never;
const names = { sato: '佐藤', suzuki: '鈴木', editor: '編集' } as const;
const options: Partial<Record<keyof typeof members, Page>> = {};

beforeAll(async () => {
  server = await startGitServer(TOKEN);
  await createTeamRepository(server, 'neco');
  for (const who of ['sato', 'suzuki', 'editor'] as const) members[who] = await Harness.start();
}, 120_000);

afterAll(async () => {
  for (const harness of Object.values(members)) await harness?.close();
  await server?.close();
});

const status = (page: Page) => byTestId(page, 'team-sync-status');
const statusState = (page: Page) => status(page).getAttribute('data-state');

async function waitForStatus(page: Page, accept: (state: string | null) => boolean, timeoutMs = 30_000) {
  return waitForValue('the team sync status', () => statusState(page), accept, timeoutMs);
}

/** Opens the options page, names the member, and connects to the team repository. */
async function connect(who: keyof typeof members, token = TOKEN, url = server.url('neco')): Promise<Page> {
  const h = members[who];
  const page = options[who] ?? (await h.openOptions());
  options[who] = page;
  await byTestId(page, 'nav-settings').click();
  await commitField(byTestId(page, 'setting-member'), names[who]);
  await byTestId(page, 'team-remote-url').fill(url);
  await byTestId(page, 'team-remote-token').fill(token);
  expect(await byTestId(page, 'team-remote-token').getAttribute('type')).toBe('password');
  expect(await byTestId(page, 'team-remote-branch').inputValue()).toBe('weekly-clipper');
  await byTestId(page, 'team-connect').click();
  return page;
}

/**
 * Clips an article with a note, from the popup: one of the member's own article server, or the page at
 * `url` (another member's server, for an article both read).
 */
async function clip(
  who: keyof typeof members,
  slug: string,
  title: string,
  note: string,
  url = members[who].articleUrl(slug, new URLSearchParams({ title }).toString()),
): Promise<string> {
  const h = members[who];
  const { page, tabId } = await h.openTab(url);
  const { popup } = await h.openPopupReady(tabId);
  await field(popup, 'note').fill(note);
  await field(popup, 'save').click();
  await waitForFormState(popup, 'saved');
  await Promise.all([popup.close(), page.close()]);
  return url;
}

async function syncNow(page: Page): Promise<void> {
  await waitForStatus(page, (state) => state !== 'working');
  await byTestId(page, 'team-sync').click();
  await waitForStatus(page, (state) => state === 'ok' || state === 'error' || state === 'offline');
}

async function remoteFiles(): Promise<string[]> {
  const out = await server.git('neco', 'ls-tree', '-r', '--name-only', 'weekly-clipper').catch(() => '');
  return out.trim().split('\n').filter(Boolean);
}

/**
 * Records from now on every state and text the status line shows, in the page itself (a sync's states
 * can pass quicker than a poll from here); the function returned reads them, as `state|text`.
 */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { teamStatuses: string[] }).teamStatuses = seen;
    const note = () => {
      const line = document.querySelector('[data-testid="team-sync-status"]');
      const entry = line ? `${line.getAttribute('data-state')}|${line.textContent}` : '';
      if (entry && seen.at(-1) !== entry) seen.push(entry);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    note();
  });
  return () => page.evaluate(() => (globalThis as unknown as { teamStatuses: string[] }).teamStatuses);
}

const memberFile = async (member: string) => {
  const date = (await remoteFiles())[0]?.split('/')[1];
  return server.git('neco', 'show', `weekly-clipper:clips/${date}/${member}.jsonl`).catch(() => '');
};

describe('the team repository as the shared inbox', () => {
  it('says what is wrong with a wrong token or an unreachable server, and stores nothing', async () => {
    const page = await connect('sato', 'github_pat_wrong');
    await waitForStatus(page, (state) => state === 'error');
    expect(await status(page).textContent()).toContain('アクセストークンが受け付けられませんでした（401）');
    expect(await status(page).textContent()).not.toContain('github_pat_wrong');
    // Still the form: nothing was kept.
    expect(await byTestId(page, 'team-remote-connected').count()).toBe(0);

    await byTestId(page, 'team-remote-url').fill('http://127.0.0.1:9/neco.git');
    await byTestId(page, 'team-remote-token').fill(TOKEN);
    await byTestId(page, 'team-connect').click();
    await waitForStatus(page, (state) => state === 'offline');
    expect(await status(page).textContent()).toContain('接続できなかったか');

    await byTestId(page, 'team-remote-url').fill('http://example.com/neco.git');
    await byTestId(page, 'team-connect').click();
    await waitForStatus(page, (state) => state === 'error');
    expect(await status(page).textContent()).toContain('https://');
  });

  it('brings every member’s clippings to the editor, with the notes of a shared article kept', async () => {
    for (const who of ['sato', 'suzuki', 'editor'] as const) {
      const page = await connect(who);
      await waitForStatus(page, (state) => state === 'ok');
    }
    const shared = await clip(
      'sato',
      'cilium-114',
      'Cilium 1.14 の新機能',
      '相互認証がサイドカーなしで使える。',
    );
    await clip('suzuki', 'cilium-114', 'Cilium 1.14 の新機能', 'BGP の設定が宣言的になった。', shared);
    await clip('suzuki', 'k8s-128', 'Kubernetes 1.28 リリースノート', 'サイドカーコンテナが正式に。');
    // A save from the popup reaches the open options page, which syncs a moment later.
    await waitForValue('both members’ files on the sync branch', remoteFiles, (files) => files.length === 2);
    const files = await remoteFiles();
    expect(files.every((file) => /^clips\/\d{4}-\d{2}-\d{2}\/(佐藤|鈴木)\.jsonl$/.test(file))).toBe(true);
    // The articles branch is untouched.
    expect(await server.git('neco', 'ls-tree', '-r', '--name-only', 'main')).toBe(
      'articles/neco-weekly-2023-09-08.md\n',
    );

    // The editor opens this week's issue (as the members' first clips did), then syncs.
    const editor = options.editor as Page;
    await byTestId(editor, 'nav-issue').click();
    await byTestId(editor, 'issue-start').click();
    await byTestId(editor, 'issue-markdown').waitFor();
    await byTestId(editor, 'nav-settings').click();
    await syncNow(editor);
    expect(await statusState(editor)).toBe('ok');
    expect(await status(editor).textContent()).toContain('追加 2・更新 0・メモ 1・削除 0');
    await byTestId(editor, 'nav-issue').click();
    const markdown = await waitForMarkdown(
      editor,
      (md) => md.includes('### Cilium 1.14 の新機能') && md.includes('### Kubernetes 1.28 リリースノート'),
    );
    // One item for the shared article: the earlier clipping's note, the other kept beside it.
    expect(markdown.split('### Cilium 1.14 の新機能')).toHaveLength(2);
    expect(markdown).toContain(`${shared}\n\n相互認証がサイドカーなしで使える。`);
    expect(markdown).toContain('サイドカーコンテナが正式に。');
    // The other member's note is kept on the item for the editor, with who wrote it.
    const other = byTestId(editor, 'other-note');
    await other.first().waitFor();
    expect(await other.count()).toBe(1);
    expect(await other.textContent()).toContain('BGP の設定が宣言的になった。');
    expect(await other.textContent()).toContain('鈴木');
  });

  it('carries a member’s later edit and deletion to the editor', async () => {
    const sato = members.sato;
    const shared = sato.articleUrl(
      'cilium-114',
      new URLSearchParams({ title: 'Cilium 1.14 の新機能' }).toString(),
    );
    const { page, tabId } = await sato.openTab(shared);
    const { popup, state } = await sato.openPopupReady(tabId);
    expect(state).toBe('existing');
    await field(popup, 'note').fill('相互認証がサイドカーなしで使える。WireGuard と組み合わせられる。');
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');
    await Promise.all([popup.close(), page.close()]);

    const suzuki = options.suzuki as Page;
    await byTestId(suzuki, 'nav-issue').click();
    const k8s = suzuki.locator('[data-testid="clipping"]', { hasText: 'Kubernetes 1.28 リリースノート' });
    await k8s.hover();
    await k8s.getByTestId('clipping-delete').click();
    await k8s.waitFor({ state: 'detached' });

    const date = (await remoteFiles())[0]?.split('/')[1];
    const fileOf = (member: string) =>
      server.git('neco', 'show', `weekly-clipper:clips/${date}/${member}.jsonl`).catch(() => '');
    await waitForValue(
      'Sato’s edit on the branch',
      () => fileOf('佐藤'),
      (text) => text.includes('WireGuard'),
    );
    await waitForValue(
      'Suzuki’s deletion on the branch',
      () => fileOf('鈴木'),
      (text) => !text.includes('Kubernetes 1.28') && text.includes('"deletion"'),
    );

    // The editor syncs from the issue itself, where the status line stands beside the buttons.
    const editor = options.editor as Page;
    await byTestId(editor, 'nav-issue').click();
    const line = byTestId(editor, 'issue-publish-status');
    await waitForValue(
      'the issue view idle',
      () => line.getAttribute('data-state'),
      (s) => s !== 'working',
    );
    await byTestId(editor, 'issue-team-sync').click();
    await waitForValue(
      'the sync done',
      () => line.getAttribute('data-state'),
      (s) => s === 'ok',
    );
    expect(await line.textContent()).toContain('更新 1');
    expect(await line.textContent()).toContain('削除 1');
    const markdown = await waitForMarkdown(editor, (md) => md.includes('WireGuard'));
    expect(markdown).not.toContain('Kubernetes 1.28 リリースノート');
  });

  it('lands two members syncing at the same moment', async () => {
    await clip('sato', 'ebpf', 'eBPF 入門', 'まずはここから。');
    await clip('suzuki', 'gateway-api', 'Gateway API v1.0', 'ついに GA。');
    const sato = options.sato as Page;
    const suzuki = options.suzuki as Page;
    await Promise.all([sato, suzuki].map((page) => byTestId(page, 'nav-settings').click()));
    await Promise.all([syncNow(sato), syncNow(suzuki)]);
    const date = (await remoteFiles())[0]?.split('/')[1];
    const fileOf = (member: string) =>
      server.git('neco', 'show', `weekly-clipper:clips/${date}/${member}.jsonl`);
    await waitForValue(
      'both on the branch',
      async () => `${await fileOf('佐藤')}${await fileOf('鈴木')}`,
      (text) => text.includes('eBPF 入門') && text.includes('Gateway API v1.0'),
    );
  });

  it('cancels a sync the server stalls, and the next sync sends what was kept, with its progress', async () => {
    const suzuki = options.suzuki as Page;
    await byTestId(suzuki, 'nav-settings').click();
    await waitForStatus(suzuki, (state) => state !== 'working');
    const before = await memberFile('鈴木');
    // The save's own sync, a moment later, asks for the branch first; the server never answers.
    const held = server.failNext(/^GET \/neco\.git\/info\/refs\?service=git-upload-pack$/, 'hold');
    await clip('suzuki', 'istio-ambient', 'Istio Ambient Mesh', 'サイドカーなしのメッシュ。');
    await held;
    expect(await statusState(suzuki)).toBe('working');
    await byTestId(suzuki, 'team-cancel').click();
    await waitForStatus(suzuki, (state) => state === 'error');
    expect(await status(suzuki).textContent()).toContain('同期を取り消しました。');
    expect(await status(suzuki).textContent()).toContain('変更は失われず、次の同期で送られます。');
    expect(await byTestId(suzuki, 'team-cancel').count()).toBe(0);
    expect(await memberFile('鈴木')).toBe(before);

    // Something new from another member, so that the next sync has objects to fetch and report.
    await clip('sato', 'cilium-mesh', 'Cilium Service Mesh', 'Envoy をノードに一つだけ。');
    await waitForValue(
      'Sato’s save on the branch',
      () => memberFile('佐藤'),
      (text) => text.includes('Envoy'),
    );
    const statuses = await recordStatuses(suzuki);
    await syncNow(suzuki);
    expect(await statusState(suzuki)).toBe('ok');
    expect(await memberFile('鈴木')).toContain('サイドカーなしのメッシュ。');
    // While it ran, the line said which phase of git's work it was in, and how far.
    expect(
      (await statuses()).some((entry) => /^working\|同期しています… \S.* \d+(\/\d+)?$/.test(entry)),
    ).toBe(true);
  });

  it('says a push the server dropped did not go through, and sends it on the next sync', async () => {
    const suzuki = options.suzuki as Page;
    await waitForStatus(suzuki, (state) => state !== 'working');
    const statuses = await recordStatuses(suzuki);
    server.failNext(/^POST \/neco\.git\/git-receive-pack$/, 'drop');
    await clip('suzuki', 'linkerd-214', 'Linkerd 2.14', 'マルチクラスタがフラットに。');
    // The save's own sync meets the dropped push; the page says so (a later sync may follow at once).
    // A connection cut mid-answer is a network failure to the browser: `offline`, as a server down.
    await waitForValue('the dropped push reported', statuses, (seen) =>
      seen.some((entry) =>
        /^offline\|.*通信が途中で切れました。 変更は失われず、次の同期で送られます。/.test(entry),
      ),
    );
    await syncNow(suzuki);
    expect(await statusState(suzuki)).toBe('ok');
    expect(await memberFile('鈴木')).toContain('マルチクラスタがフラットに。');
    expect(await memberFile('鈴木')).toContain('サイドカーなしのメッシュ。');
  });

  it('publishes the issue’s article on a new branch from main, exactly as generated, with a pull request link', async () => {
    const editor = options.editor as Page;
    await byTestId(editor, 'nav-issue').click();
    const markdown = await waitForMarkdown(editor, (md) => md.includes('WireGuard'));
    await byTestId(editor, 'issue-publish-repo').click();
    const link = byTestId(editor, 'issue-pull-request');
    await link.waitFor({ timeout: 30_000 });
    const branches = (await server.git('neco', 'branch', '--format=%(refname:short)')).trim().split('\n');
    const slug = branches.find((name) => name !== 'main' && name !== 'weekly-clipper') as string;
    expect(slug).toMatch(/^weekly-\d{4}-\d{2}-\d{2}$/);
    const file = await server.git('neco', 'show', `${slug}:articles/${slug}.md`);
    expect(file.startsWith('---\ntitle: ')).toBe(true);
    expect(file.endsWith(markdown)).toBe(true);
    // Based on main, which is untouched.
    await server.git('neco', 'merge-base', '--is-ancestor', 'main', slug);
    expect(await server.git('neco', 'ls-tree', '--name-only', 'main:articles')).toBe(
      'neco-weekly-2023-09-08.md\n',
    );
    expect(await link.getAttribute('href')).toBe(
      `${server.url('neco').replace(/\.git$/, '')}/compare/main...${slug}`,
    );
  });

  it('sends a popup’s save from the background when no options page is open', async () => {
    await (options.sato as Page).close();
    delete options.sato;
    const before = await remoteFiles();
    await clip('sato', 'cilium-115', 'Cilium 1.15 の新機能', 'Gateway API のサポートが進んだ。');
    const date = before[0]?.split('/')[1];
    const text = await waitForValue(
      'the save on the branch, pushed by the background',
      () => server.git('neco', 'show', `weekly-clipper:clips/${date}/佐藤.jsonl`).catch(() => ''),
      (file) => file.includes('Cilium 1.15 の新機能'),
    );
    expect(text).toContain('Gateway API のサポートが進んだ。');
    // Sent as Sato's own commit, on top of everyone's: nothing of the others' files was touched.
    expect(await server.git('neco', 'log', '-1', '--format=%an', 'weekly-clipper')).toBe('佐藤\n');
    expect(await remoteFiles()).toEqual(before);

    // The options page, opened later, says when that sync went through.
    const page = await members.sato.openOptions();
    await byTestId(page, 'nav-settings').click();
    await waitForStatus(page, (state) => state === 'ok');
  });
});
