import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../src/platform/persistence';

describe('requestPersistentStorage', () => {
  it('asks only when the data is not yet persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    const again = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => true, persist: again })).toBe(true);
    expect(again).not.toHaveBeenCalled();
  });

  it('answers false when the browser refuses, lacks the API or throws', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe(
      false,
    );
    expect(await requestPersistentStorage(undefined)).toBe(false);
    const failing = async () => {
      throw new Error('no');
    };
    expect(await requestPersistentStorage({ persisted: failing, persist: failing })).toBe(false);
  });
});
