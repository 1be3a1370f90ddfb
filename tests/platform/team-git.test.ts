import * as fs from 'node:fs';
import { join } from 'node:path';
import type { GitHttpRequest } from 'isomorphic-git';
import web from 'isomorphic-git/http/web';
import { describe, expect, it } from 'vitest';
import {
  type GitPlace,
  isAllowedRemote,
  publishArticle,
  readRemote,
  syncMemberFile,
  type TeamGitError,
} from '../../src/platform/team-git';
import { useGitServer } from '../support/git-server-hooks';

/**
 * The git adapter against a real `git http-backend` (tests/support/git-server.ts): what it pushes is
 * read back with `git` itself. Each member has a git directory of their own, as each browser does.
 */

const TOKEN = 'github_pat_test_0123456789';
const git = useGitServer(TOKEN);

async function place(extra: Partial<GitPlace> = {}): Promise<GitPlace> {
  const dir = await git.tempDir('weekly-clipper-member-');
  return { fs, gitdir: join(dir, 'team.git'), ...extra };
}

const teamRepo = () => git.teamRepository('neco');

const sync = (member: string, text: string) => ({
  folder: 'clips/2023-09-15',
  own: { name: `${member}.jsonl`, text },
  member,
  message: `${member}: 第41回のクリップ`,
});

async function failure(promise: Promise<unknown>): Promise<TeamGitError> {
  try {
    await promise;
  } catch (error) {
    return error as TeamGitError;
  }
  throw new Error('expected a failure');
}

describe('the team repository over smart HTTP', () => {
  it('reads the branches with the token: the default branch, no sync branch yet', async () => {
    const { remote } = await teamRepo();
    const state = await readRemote(await place(), remote);
    expect(state.defaultBranch).toBe('main');
    expect(state.branchTip).toBeNull();
  });

  it('starts the sync branch as an orphan with the member’s file, which git itself reads back', async () => {
    const { name, remote } = await teamRepo();
    const result = await syncMemberFile(await place(), remote, sync('佐藤', '{"member":"佐藤"}\n'));
    expect(result.pushed).toBe(true);
    expect([...result.files]).toEqual([['佐藤.jsonl', '{"member":"佐藤"}\n']]);
    expect(await git.server.git(name, 'show', 'weekly-clipper:clips/2023-09-15/佐藤.jsonl')).toBe(
      '{"member":"佐藤"}\n',
    );
    // An orphan: no history shared with main, and main untouched.
    expect((await git.server.git(name, 'rev-list', 'weekly-clipper')).trim().split('\n')).toHaveLength(1);
    expect(await git.server.git(name, 'ls-tree', '--name-only', 'main')).toBe('articles\n');
    expect(await git.server.git(name, 'log', '-1', '--format=%an', 'weekly-clipper')).toBe('佐藤\n');
  });

  it('gives each member everyone’s files, and commits nothing when the file is unchanged', async () => {
    const { name, remote } = await teamRepo();
    const sato = await place();
    const suzuki = await place();
    await syncMemberFile(sato, remote, sync('佐藤', 'sato 1\n'));
    const second = await syncMemberFile(suzuki, remote, sync('鈴木', 'suzuki 1\n'));
    expect(Object.fromEntries(second.files)).toEqual({
      '佐藤.jsonl': 'sato 1\n',
      '鈴木.jsonl': 'suzuki 1\n',
    });
    const again = await syncMemberFile(sato, remote, sync('佐藤', 'sato 1\n'));
    expect(again.pushed).toBe(false);
    expect(Object.fromEntries(again.files)).toEqual({ '佐藤.jsonl': 'sato 1\n', '鈴木.jsonl': 'suzuki 1\n' });
    expect((await git.server.git(name, 'rev-list', 'weekly-clipper')).trim().split('\n')).toHaveLength(2);
    // A later edit replaces only the member's own file.
    await syncMemberFile(sato, remote, sync('佐藤', 'sato 2\n'));
    expect(await git.server.git(name, 'show', 'weekly-clipper:clips/2023-09-15/鈴木.jsonl')).toBe(
      'suzuki 1\n',
    );
    expect(await git.server.git(name, 'show', 'weekly-clipper:clips/2023-09-15/佐藤.jsonl')).toBe('sato 2\n');
  });

  it('lands both of two members pushing at the same moment: the loser rebuilds on the new tip', async () => {
    const { name, remote } = await teamRepo();
    await syncMemberFile(await place(), remote, sync('編集', 'editor\n'));
    const members = ['佐藤', '鈴木', '高橋'];
    const results = await Promise.all(
      members.map(async (member) => syncMemberFile(await place(), remote, sync(member, `${member}\n`))),
    );
    expect(results.every((result) => result.pushed)).toBe(true);
    const listed = await git.server.git(name, 'ls-tree', '--name-only', 'weekly-clipper:clips/2023-09-15');
    expect(listed.trim().split('\n').sort()).toEqual(
      ['佐藤.jsonl', '編集.jsonl', '高橋.jsonl', '鈴木.jsonl'].sort(),
    );
    // Never forced: every commit is a descendant of the first, one per member.
    expect((await git.server.git(name, 'rev-list', 'weekly-clipper')).trim().split('\n')).toHaveLength(4);
  });

  it('rebuilds a push that lost the race on the new tip, never over the other member’s file', async () => {
    const { name, remote } = await teamRepo();
    await syncMemberFile(await place(), remote, sync('編集', 'editor\n'));
    const suzuki = await place();
    let pushes = 0;
    // Just as Sato's first push goes out, Suzuki's lands first.
    const http = {
      async request(request: GitHttpRequest) {
        if (request.method === 'POST' && request.url.endsWith('git-receive-pack')) {
          pushes += 1;
          if (pushes === 1) await syncMemberFile(suzuki, remote, sync('鈴木', 'suzuki\n'));
        }
        return web.request(request);
      },
    };
    const result = await syncMemberFile(await place({ http }), remote, sync('佐藤', 'sato\n'));
    expect(result.pushed).toBe(true);
    expect(pushes).toBe(2);
    expect(Object.fromEntries(result.files)).toEqual({
      '佐藤.jsonl': 'sato\n',
      '編集.jsonl': 'editor\n',
      '鈴木.jsonl': 'suzuki\n',
    });
    expect(await git.server.git(name, 'show', 'weekly-clipper:clips/2023-09-15/鈴木.jsonl')).toBe('suzuki\n');
  });

  it('gives up after the attempts it was given, saying so', async () => {
    const { remote } = await teamRepo();
    await syncMemberFile(await place(), remote, sync('編集', 'editor\n'));
    let round = 0;
    // Someone else lands before every one of this member's pushes.
    const http = {
      async request(request: GitHttpRequest) {
        if (request.method === 'POST' && request.url.endsWith('git-receive-pack')) {
          round += 1;
          await syncMemberFile(await place(), remote, sync(`他${round}`, `${round}\n`));
        }
        return web.request(request);
      },
    };
    const error = await failure(
      syncMemberFile(await place({ http }), remote, { ...sync('佐藤', 'x\n'), attempts: 3 }),
    );
    expect(error.code).toBe('rejected');
    expect(round).toBe(3);
  });

  it('says a wrong token is refused, and the token is in no message', async () => {
    const { remote } = await teamRepo();
    const wrong = { ...remote, token: 'github_pat_wrong_secret' };
    const error = await failure(syncMemberFile(await place(), wrong, sync('佐藤', 'x\n')));
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain('github_pat_wrong_secret');
    expect(JSON.stringify(error)).not.toContain('github_pat_wrong_secret');
  });

  it('says a repository that is not there is not found', async () => {
    const remote = { url: git.server.url('no-such-repo'), token: TOKEN, branch: 'weekly-clipper' };
    expect((await failure(readRemote(await place(), remote))).code).toBe('not-found');
  });

  it('says an unreachable server is unreachable', async () => {
    const remote = { url: 'http://127.0.0.1:9/neco.git', token: TOKEN, branch: 'weekly-clipper' };
    expect((await failure(syncMemberFile(await place(), remote, sync('佐藤', 'x\n')))).code).toBe(
      'unreachable',
    );
  });

  it('loses nothing when the server drops the push: the next sync sends it', async () => {
    const { name, remote } = await teamRepo();
    const sato = await place();
    git.server.failNext(/^POST .*git-receive-pack/, 'drop');
    const error = await failure(syncMemberFile(sato, remote, sync('佐藤', 'sato\n')));
    expect(error.code).toBe('unreachable');
    expect((await git.server.git(name, 'branch', '--list', 'weekly-clipper')).trim()).toBe('');
    const retried = await syncMemberFile(sato, remote, sync('佐藤', 'sato\n'));
    expect(retried.pushed).toBe(true);
    expect(await git.server.git(name, 'show', 'weekly-clipper:clips/2023-09-15/佐藤.jsonl')).toBe('sato\n');
  });

  it('stops when cancelled, leaving the remote as it was', async () => {
    const { name, remote } = await teamRepo();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      syncMemberFile(await place({ signal: controller.signal }), remote, sync('佐藤', 'x\n')),
    );
    expect(error.code).toBe('cancelled');
    expect((await git.server.git(name, 'branch', '--list', 'weekly-clipper')).trim()).toBe('');
  });

  it('reports progress while fetching', async () => {
    const { remote } = await teamRepo();
    await syncMemberFile(await place(), remote, sync('佐藤', 'sato\n'));
    const phases = new Set<string>();
    await syncMemberFile(
      await place({ onProgress: ({ phase }) => phases.add(phase) }),
      remote,
      sync('鈴木', 's\n'),
    );
    expect(phases.size).toBeGreaterThan(0);
  });

  it('publishes the article on a new branch from main, and again on top of it after an edit', async () => {
    const { name, remote } = await teamRepo();
    const editor = await place();
    const article = {
      path: 'articles/neco-weekly-2023-09-15.md',
      text: '---\ntitle: "Neco Weekly (2023-09-15号)"\n---\n\n第41回\n',
      branch: 'neco-weekly-2023-09-15',
      member: '編集',
      message: 'Neco Weekly 第41回',
    };
    const first = await publishArticle(editor, remote, article);
    expect(first).toMatchObject({ branch: 'neco-weekly-2023-09-15', base: 'main' });
    expect(
      await git.server.git(name, 'show', 'neco-weekly-2023-09-15:articles/neco-weekly-2023-09-15.md'),
    ).toBe(article.text);
    // Based on main: the earlier article is there, main itself unchanged.
    expect(await git.server.git(name, 'merge-base', '--is-ancestor', 'main', 'neco-weekly-2023-09-15')).toBe(
      '',
    );
    expect(await git.server.git(name, 'ls-tree', '--name-only', 'main:articles')).toBe(
      'neco-weekly-2023-09-08.md\n',
    );
    const edited = { ...article, text: `${article.text}追記\n` };
    await publishArticle(await place(), remote, edited);
    expect(
      await git.server.git(name, 'show', 'neco-weekly-2023-09-15:articles/neco-weekly-2023-09-15.md'),
    ).toBe(edited.text);
    expect(
      (await git.server.git(name, 'rev-list', 'main..neco-weekly-2023-09-15')).trim().split('\n'),
    ).toHaveLength(2);
  });
});

describe('which remotes are allowed', () => {
  it.each([
    ['https://github.com/cybozu/neco-weekly.git', true],
    ['https://gitlab.example.co.jp/infra/weekly.git', true],
    ['http://127.0.0.1:8080/neco.git', true],
    ['http://localhost:3000/neco.git', true],
    ['http://github.com/cybozu/neco-weekly.git', false],
    ['https://user:secret@github.com/cybozu/neco-weekly.git', false],
    ['file:///srv/git/neco.git', false],
    ['not a url', false],
  ])('%s: %s', (url, allowed) => {
    expect(isAllowedRemote(url)).toBe(allowed);
  });
});
