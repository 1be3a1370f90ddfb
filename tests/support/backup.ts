import type { BackupData } from '../../src/core/transfer/backup';
import type { MergePlan } from '../../src/core/transfer/backup-merge';

/** This install after writing a merge plan: each written record replaces the one with its id. */
export function applyMergePlan(current: BackupData, plan: MergePlan): BackupData {
  const overlay = <T extends { id: string }>(here: T[], written: T[]) => {
    const byId = new Map(here.map((record) => [record.id, record]));
    for (const record of written) byId.set(record.id, record);
    return [...byId.values()];
  };
  return {
    clippings: overlay(current.clippings, plan.clippings),
    issues: overlay(current.issues, plan.issues),
    categories: overlay(current.categories, plan.categories),
    settings: plan.settings ?? current.settings,
    deletions: overlay(current.deletions ?? [], plan.deletions),
  };
}
