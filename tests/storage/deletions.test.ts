import { describe, expect, it } from 'vitest';
import { createClippingRepository } from '../../src/storage/clippings';
import { createDeletionRepository } from '../../src/storage/deletions';
import { openFreshDB } from '../support/database';
import { makeClipping } from '../support/factories';

const folded = makeClipping({
  id: 'mine',
  updatedAt: 2000,
  otherNotes: [{ id: 'suzuki-0', clippedBy: 'suzuki', note: 'メモ', updatedAt: 1500 }],
});

describe('deletions', () => {
  it('deletes a clipping and records a tombstone for it and each note folded into it, together', async () => {
    const db = await openFreshDB();
    const clippings = createClippingRepository(db);
    const deletions = createDeletionRepository(db);
    await clippings.save(folded);
    await deletions.deleteClipping(folded, 'さとう', 5000);
    expect(await clippings.get('mine')).toBeUndefined();
    expect(await deletions.list()).toEqual([
      { id: 'mine', deletedBy: 'さとう', deletedAt: 5000 },
      { id: 'suzuki-0', deletedBy: 'さとう', deletedAt: 5000 },
    ]);
  });

  it('never dates a tombstone before the version it deletes', async () => {
    const db = await openFreshDB();
    const deletions = createDeletionRepository(db);
    await deletions.deleteClipping(folded, '', 100);
    expect((await deletions.list()).map((deletion) => deletion.deletedAt)).toEqual([2000, 2000]);
  });

  it('puts a deleted clipping back and removes its tombstones (undo)', async () => {
    const db = await openFreshDB();
    const clippings = createClippingRepository(db);
    const deletions = createDeletionRepository(db);
    await clippings.save(folded);
    await deletions.deleteClipping(folded, 'さとう', 5000);
    await deletions.restoreClippings([folded]);
    expect(await clippings.get('mine')).toEqual(folded);
    expect(await deletions.list()).toEqual([]);
  });
});
