// The library page on a database of one's choosing, for the benchmark and the e2e tests: a fresh database (the
// page creates it with its schema), optionally filled with records written straight into IndexedDB, so that what
// is measured or tested does not depend on the import's rules of the day.

/** Runs in the library page: replaces the named stores' records (store name → records). */
async function replaceStores(tables) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('pizhu');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onupgradeneeded = () => reject(new Error('the database should exist: the library page creates it'));
  });
  await new Promise((resolve, reject) => {
    const names = Object.keys(tables);
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      store.clear();
      for (const record of tables[name]) store.put(record);
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/**
 * Opens library.html on an empty database, then (when `tables` is given) stores those records and reloads.
 * `tables`: { taxonomies?, terms?, pages?, annotations? } as the database holds them.
 */
export async function openFreshLibrary(browser, tables) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('pizhu');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  }));
  await page.reload();
  await page.locator('#library-count[data-total]').waitFor();
  if (tables) {
    await page.evaluate(replaceStores, tables);
    await page.reload();
    await page.locator('#library-count[data-total]').waitFor();
  }
  return page;
}
