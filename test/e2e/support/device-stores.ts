import type { Page } from 'playwright-core';

/**
 * The keys of one IndexedDB object store of the app's origin, read in the page (docs/decisions/0045).
 * A database that does not exist yet is not opened (opening it would create it without its store,
 * and the app's own open would then find no store): its keys are none.
 */
export async function storedKeys(page: Page, database: string, store: string): Promise<string[]> {
  const script = `(async () => {
    const known = await indexedDB.databases();
    if (!known.some((entry) => entry.name === ${JSON.stringify(database)})) return [];
    return await new Promise((resolve, reject) => {
      const open = indexedDB.open(${JSON.stringify(database)});
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(${JSON.stringify(store)})) {
          db.close();
          resolve([]);
          return;
        }
        const request = db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAllKeys();
        request.onsuccess = () => {
          db.close();
          resolve(request.result.map(String));
        };
        request.onerror = () => reject(request.error);
      };
    });
  })()`;
  return (await page.evaluate(script)) as string[];
}

/** Deletes every record of a store (as if the browser had not kept them). */
export async function clearStore(page: Page, database: string, store: string): Promise<void> {
  const script = `new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(database)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(${JSON.stringify(store)}, 'readwrite');
      transaction.objectStore(${JSON.stringify(store)}).clear();
      transaction.oncomplete = () => {
        db.close();
        resolve(undefined);
      };
      transaction.onerror = () => reject(transaction.error);
    };
  })`;
  await page.evaluate(script);
}
