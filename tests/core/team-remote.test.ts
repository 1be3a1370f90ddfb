import { describe, expect, it } from 'vitest';
import {
  hasPendingChanges,
  isBranchName,
  originPattern,
  parseTeamRemote,
  parseTeamSync,
  pullRequestUrl,
  remoteUrlProblem,
  teamRemoteProblems,
} from '../../src/core/team-remote';
import { makeClipping, makeIssue } from '../support/factories';

const REMOTE = {
  url: 'https://github.com/cybozu/neco-weekly.git',
  token: 'github_pat_x',
  branch: 'weekly-clipper',
};

describe('the team remote as typed', () => {
  it.each([
    ['https://github.com/cybozu/neco-weekly.git', null],
    ['  https://gitlab.example.co.jp/infra/weekly.git ', null],
    ['http://127.0.0.1:8080/neco.git', null],
    ['http://localhost/neco.git', null],
    ['http://[::1]:3000/neco.git', null],
    ['http://github.com/cybozu/neco-weekly.git', 'url-not-https'],
    ['http://192.168.0.10/neco.git', 'url-not-https'],
    ['ssh://git@github.com/cybozu/neco-weekly.git', 'url-not-https'],
    ['https://me:secret@github.com/cybozu/neco-weekly.git', 'url-credentials'],
    ['github.com/cybozu/neco-weekly', 'url-invalid'],
    ['', 'url-invalid'],
  ])('%s: %s', (url, problem) => {
    expect(remoteUrlProblem(url)).toBe(problem);
  });

  it.each([
    ['weekly-clipper', true],
    ['team/weekly', true],
    ['v1.0', true],
    ['', false],
    ['-x', false],
    ['a..b', false],
    ['a b', false],
    ['main.lock', false],
    ['a/', false],
    ['a//b', false],
    ['週刊', false],
  ])('branch %j: %s', (name, ok) => {
    expect(isBranchName(name)).toBe(ok);
  });

  it('lists every problem in the form’s order', () => {
    expect(teamRemoteProblems({ url: 'http://example.com/x.git', token: ' ', branch: 'a b' })).toEqual([
      'url-not-https',
      'token-missing',
      'branch-invalid',
    ]);
    expect(teamRemoteProblems(REMOTE)).toEqual([]);
  });

  it('reads back only a connection that can be used', () => {
    expect(parseTeamRemote(REMOTE)).toEqual(REMOTE);
    expect(parseTeamRemote({ ...REMOTE, url: 'http://example.com/x.git' })).toBeNull();
    expect(parseTeamRemote({ ...REMOTE, token: 1 })).toBeNull();
    expect(parseTeamRemote(null)).toBeNull();
    expect(parseTeamRemote('https://github.com')).toBeNull();
  });

  it('asks for the host permission of the remote’s origin only', () => {
    expect(originPattern('https://github.com/cybozu/neco-weekly.git')).toBe('https://github.com/*');
    expect(originPattern('http://127.0.0.1:8080/neco.git')).toBe('http://127.0.0.1/*');
  });
});

describe('the pull request link', () => {
  it('opens GitHub’s compare page', () => {
    expect(
      pullRequestUrl('https://github.com/cybozu/neco-weekly.git', 'main', 'neco-weekly-2023-09-15'),
    ).toBe('https://github.com/cybozu/neco-weekly/compare/main...neco-weekly-2023-09-15?expand=1');
  });

  it('opens GitLab’s new merge request', () => {
    expect(pullRequestUrl('https://gitlab.com/infra/weekly.git', 'main', 'w-2023-09-15')).toBe(
      'https://gitlab.com/infra/weekly/-/merge_requests/new?merge_request%5Bsource_branch%5D=w-2023-09-15&merge_request%5Btarget_branch%5D=main',
    );
  });

  it('opens Gitea’s and Forgejo’s compare page, as any other host', () => {
    expect(pullRequestUrl('https://codeberg.org/team/weekly.git/', 'trunk', 'w')).toBe(
      'https://codeberg.org/team/weekly/compare/trunk...w',
    );
  });

  it('gives nothing for a URL it cannot read', () => {
    expect(pullRequestUrl('not a url', 'main', 'w')).toBeUndefined();
  });
});

describe('what is waiting to be sent', () => {
  const issue = makeIssue({ id: 'open' });
  const mine = makeClipping({ id: 'a', issueId: 'open', clippedBy: '佐藤', updatedAt: 5000 });

  it('is an own item of the open issue changed since the last sync that went through', () => {
    expect(hasPendingChanges(issue, [mine], [], '佐藤', null)).toBe(true);
    expect(hasPendingChanges(issue, [mine], [], '佐藤', 4000)).toBe(true);
    expect(hasPendingChanges(issue, [mine], [], '佐藤', 6000)).toBe(false);
  });

  it('is an own deletion since then', () => {
    expect(
      hasPendingChanges(issue, [], [{ id: 'x', deletedBy: '佐藤', deletedAt: 7000 }], '佐藤', 6000),
    ).toBe(true);
  });

  it('is not another member’s item, nor another issue’s', () => {
    const theirs = { ...mine, clippedBy: '鈴木' };
    const elsewhere = { ...mine, issueId: 'old' };
    expect(hasPendingChanges(issue, [theirs, elsewhere], [], '佐藤', null)).toBe(false);
    expect(hasPendingChanges(undefined, [mine], [], '佐藤', null)).toBe(false);
  });

  it('reads a stored sync record, or none', () => {
    expect(parseTeamSync({ lastOkAt: 5, lastError: 'unreachable' })).toEqual({
      lastOkAt: 5,
      lastError: 'unreachable',
    });
    expect(parseTeamSync({ lastOkAt: 'x' })).toEqual({ lastOkAt: null, lastError: null });
    expect(parseTeamSync(undefined)).toEqual({ lastOkAt: null, lastError: null });
  });
});
