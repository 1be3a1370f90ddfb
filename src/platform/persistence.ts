/**
 * Asks the browser to keep the extension's data even under storage pressure ("persistent" rather than
 * "best-effort" storage). With `unlimitedStorage` Chrome grants it; elsewhere it may prompt or refuse,
 * and refusal changes nothing. https://storage.spec.whatwg.org/#dom-storagemanager-persist
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
