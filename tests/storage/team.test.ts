import { describe, expect, it } from 'vitest';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';
import { readEverything, replaceEverything } from '../../src/storage/bulk';
import { createTeamRepository } from '../../src/storage/team';
import { openFreshDB } from '../support/database';

const REMOTE = {
  url: 'https://github.com/cybozu/neco-weekly.git',
  token: 'github_pat_secret',
  branch: 'weekly-clipper',
};

describe('team repository connection storage', () => {
  it('keeps the connection and the sync state, and forgets both on disconnect', async () => {
    const team = createTeamRepository(await openFreshDB());
    expect(await team.getRemote()).toBeNull();
    await team.saveRemote(REMOTE);
    await team.saveSync({ lastOkAt: 1000, lastError: null });
    expect(await team.getRemote()).toEqual(REMOTE);
    expect(await team.getSync()).toEqual({ lastOkAt: 1000, lastError: null });
    await team.disconnect();
    expect(await team.getRemote()).toBeNull();
    expect(await team.getSync()).toEqual({ lastOkAt: null, lastError: null });
  });

  it('never puts the token in a backup, and a restore leaves the connection alone', async () => {
    const db = await openFreshDB();
    const team = createTeamRepository(db);
    await team.saveRemote(REMOTE);
    const data = await readEverything(db);
    const backup = serializeBackup(createBackup(data, 0));
    expect(backup).not.toContain('github_pat_secret');
    expect(backup).not.toContain('neco-weekly.git');
    await replaceEverything(db, data);
    expect(await team.getRemote()).toEqual(REMOTE);
  });
});
