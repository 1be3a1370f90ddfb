import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TeamRemoteConfig } from '../../src/core/team-remote';
import { createTeamRepository, type GitServer, startGitServer } from './git-server';

export interface GitServerHooks {
  /** The running server (from the file's first test on). */
  readonly server: GitServer;
  /** A temporary folder, removed after the test. */
  tempDir(prefix: string): Promise<string>;
  /** A fresh team repository (tests/support/git-server.ts) and the connection to it. */
  teamRepository(prefix: string): Promise<{ name: string; remote: TeamRemoteConfig }>;
}

/**
 * For a test file against the real git server: one server for all its tests, started before them and
 * closed after, that takes `token`; a repository of its own for each test that asks; and temporary
 * folders (a member's git directory) removed after each test.
 */
export function useGitServer(token: string): GitServerHooks {
  let running: GitServer | undefined;
  const folders: string[] = [];
  let repositories = 0;
  beforeAll(async () => {
    running = await startGitServer(token);
  });
  afterAll(async () => {
    await running?.close();
  });
  afterEach(async () => {
    for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!running) throw new Error('The git server starts before the first test.');
      return running;
    },
    async tempDir(prefix) {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      folders.push(dir);
      return dir;
    },
    async teamRepository(prefix) {
      repositories += 1;
      const name = `${prefix}-${repositories}`;
      await createTeamRepository(this.server, name);
      return { name, remote: { url: this.server.url(name), token, branch: 'weekly-clipper' } };
    },
  };
}
