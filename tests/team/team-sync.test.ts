import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { TeamRemoteConfig } from '../../src/core/team-remote';
import type { Repositories } from '../../src/storage/repositories';
import { type GitFiles, runSync } from '../../src/team/team-sync';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { useGitServer } from '../support/git-server-hooks';

/**
 * The team sync as the options page and the background run it (src/team/team-sync.ts): each member's
 * own database (fake-indexeddb) and git folder, one real `git http-backend` between them. What was
 * pushed is read back with `git` itself.
 */

const TOKEN = 'github_pat_team_sync_0123456789';
const DATE = '2023-09-15';
const git = useGitServer(TOKEN);

async function gitFiles(): Promise<GitFiles> {
  return { fs, root: await git.tempDir('weekly-clipper-sync-') };
}

const teamRemote = () => git.teamRepository('neco-sync');

interface Member {
  name: string;
  repos: Repositories;
  files: GitFiles;
}

/** A member's browser: a database with the open issue of DATE (each browser has its own issue id). */
async function member(name: string, clippings: Partial<Clipping>[] = []): Promise<Member> {
  const repos = await freshRepositories();
  const issueId = `issue-of-${name}`;
  await repos.bulk.writeRecords({
    issues: [makeIssue({ id: issueId, number: 41, date: DATE })],
    clippings: clippings.map((overrides, index) =>
      makeClipping({
        id: `${name}-${index}`,
        issueId,
        clippedBy: name,
        createdAt: 1000 + index,
        ...overrides,
      }),
    ),
  });
  return { name, repos, files: await gitFiles() };
}

function sync(who: Member, remote: TeamRemoteConfig, now = 5000) {
  return runSync({ repos: who.repos, remote, member: who.name, now: () => now, files: who.files });
}

async function notesOf(who: Member): Promise<Record<string, string>> {
  const clippings = await who.repos.clippings.list();
  return Object.fromEntries(clippings.map((clipping) => [clipping.url, clipping.note]));
}

describe('runSync against a real git server', () => {
  it('pushes the member’s file and brings in everyone else’s, each under its author', async () => {
    const { name, remote } = await teamRemote();
    const sato = await member('佐藤', [
      {
        url: 'https://cilium.io/blog/2023/07/27/cilium-114/',
        title: 'Cilium 1.14',
        note: 'L2 announce が便利。',
      },
    ]);
    const tanaka = await member('田中', [
      { url: 'https://www.wireguard.com/', title: 'WireGuard', note: '設定が短い。' },
    ]);

    const first = await sync(sato, remote);
    expect(first).toMatchObject({ kind: 'synced', pushed: true, members: [], unreadable: [] });
    expect(await git.server.git(name, 'show', `weekly-clipper:clips/${DATE}/佐藤.jsonl`)).toContain(
      'L2 announce が便利。',
    );

    const second = await sync(tanaka, remote, 6000);
    expect(second).toMatchObject({
      kind: 'synced',
      pushed: true,
      members: ['佐藤'],
      issue: { number: 41, date: DATE },
    });
    expect(await notesOf(tanaka)).toEqual({
      'https://www.wireguard.com/': '設定が短い。',
      'https://cilium.io/blog/2023/07/27/cilium-114/': 'L2 announce が便利。',
    });
    // Taken into Tanaka's own open issue, with who clipped it.
    const taken = (await tanaka.repos.clippings.list()).find((c) => c.url.includes('cilium')) as Clipping;
    expect(taken).toMatchObject({ issueId: 'issue-of-田中', clippedBy: '佐藤' });
    expect(await tanaka.repos.team.getSync()).toEqual({ lastOkAt: 6000, lastError: null });

    // Sato's next sync brings Tanaka's item, and pushes nothing new: Sato's own file is unchanged.
    const third = await sync(sato, remote, 7000);
    expect(third).toMatchObject({ kind: 'synced', pushed: false, members: ['田中'] });
    expect(Object.keys(await notesOf(sato))).toHaveLength(2);
    expect(
      (await git.server.git(name, 'ls-tree', '-r', '--name-only', 'weekly-clipper')).trim().split('\n'),
    ).toEqual([`clips/${DATE}/佐藤.jsonl`, `clips/${DATE}/田中.jsonl`]);
  });

  it('carries a deletion: the item leaves the other member’s issue too', async () => {
    const { remote } = await teamRemote();
    const url = 'https://kubernetes.io/blog/2023/08/15/kubernetes-v1-28-release/';
    const sato = await member('佐藤', [{ url, title: 'Kubernetes v1.28', note: 'サイドカーが正式に。' }]);
    const tanaka = await member('田中');
    await sync(sato, remote);
    await sync(tanaka, remote);
    expect(Object.keys(await notesOf(tanaka))).toEqual([url]);

    await sato.repos.bulk.writeRecords({
      deletions: [{ id: '佐藤-0', deletedBy: '佐藤', deletedAt: 8000 }],
      removeClippings: ['佐藤-0'],
    });
    await sync(sato, remote, 9000);
    await sync(tanaka, remote, 9500);
    expect(await notesOf(tanaka)).toEqual({});
  });

  it('keeps what was typed while the network part ran', async () => {
    const { remote } = await teamRemote();
    const sato = await member('佐藤', [{ url: 'https://etcd.io/', title: 'etcd', note: '最初のメモ' }]);
    // Tanaka clipped the same page: the merge writes Sato's item back, with Tanaka's note beside it.
    const tanaka = await member('田中', [{ url: 'https://etcd.io/', title: 'etcd', note: '田中のメモ' }]);
    await sync(tanaka, remote);
    // The note is edited as git writes its first file, after runSync read the database and before it
    // writes the merge back.
    let typed: Promise<void> | undefined;
    const type = async () => {
      const clipping = (await sato.repos.clippings.get('佐藤-0')) as Clipping;
      await sato.repos.clippings.save({ ...clipping, note: '書き直したメモ', updatedAt: 2000 });
    };
    const writeFile = fs.promises.writeFile;
    const watched = {
      ...fs,
      promises: {
        ...fs.promises,
        writeFile: async (...args: Parameters<typeof writeFile>) => {
          typed ??= type();
          await typed;
          return writeFile(...args);
        },
      },
    } as typeof fs;
    sato.files = { ...sato.files, fs: watched };
    const outcome = await sync(sato, remote);
    expect(typed).toBeDefined();
    expect(outcome).toMatchObject({ kind: 'synced', members: ['田中'] });
    expect(await notesOf(sato)).toEqual({ 'https://etcd.io/': '書き直したメモ' });
    expect(JSON.stringify(await sato.repos.clippings.get('佐藤-0'))).toContain('田中のメモ');
  });

  it('leaves another member’s broken file out, names it, and takes the rest', async () => {
    const { name, remote } = await teamRemote();
    const tanaka = await member('田中', [
      { url: 'https://www.wireguard.com/', title: 'WireGuard', note: '短い' },
    ]);
    await sync(tanaka, remote);
    // Someone's file, hand-edited on the host into something that is not a member file.
    const work = await git.tempDir('weekly-clipper-hand-');
    const run = (...args: string[]) => promisify(execFile)('git', args, { cwd: work });
    await run('clone', '-q', '--branch', 'weekly-clipper', join(git.server.root, `${name}.git`), '.');
    fs.writeFileSync(join(work, `clips/${DATE}/鈴木.jsonl`), '{not json\n');
    await run('add', '.');
    await run('-c', 'user.name=鈴木', '-c', 'user.email=s@example.com', 'commit', '-qm', 'broken');
    await run('push', '-q', 'origin', 'weekly-clipper');

    const sato = await member('佐藤');
    const outcome = await sync(sato, remote);
    expect(outcome).toMatchObject({ kind: 'synced', members: ['田中'], unreadable: ['鈴木.jsonl'] });
    expect(Object.keys(await notesOf(sato))).toEqual(['https://www.wireguard.com/']);
  });

  it('does nothing without an open issue', async () => {
    const { name, remote } = await teamRemote();
    const repos = await freshRepositories();
    const outcome = await runSync({ repos, remote, member: '佐藤', now: () => 1, files: await gitFiles() });
    expect(outcome).toEqual({ kind: 'no-issue' });
    expect(await git.server.git(name, 'branch', '--format=%(refname:short)')).toBe('main\n');
  });

  it('fails with a TeamGitError and changes nothing when the token is wrong', async () => {
    const { name, remote } = await teamRemote();
    const sato = await member('佐藤', [{ url: 'https://etcd.io/', title: 'etcd', note: 'メモ' }]);
    await sato.repos.team.saveSync({ lastOkAt: 1234, lastError: null });
    const before = await sato.repos.bulk.readEverything();
    await expect(sync(sato, { ...remote, token: 'wrong' })).rejects.toMatchObject({
      name: 'TeamGitError',
      code: 'unauthorized',
    });
    expect(await sato.repos.bulk.readEverything()).toEqual(before);
    expect(await sato.repos.team.getSync()).toEqual({ lastOkAt: 1234, lastError: null });
    expect(await git.server.git(name, 'branch', '--format=%(refname:short)')).toBe('main\n');
  });
});
