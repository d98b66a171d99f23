import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from './harness/browser';

/**
 * What a newer version stored (a profile with a member this one does not know, a setting this
 * one does not have, its version marker) survives this version in real chrome.storage: the
 * options page lists the profile as invalid with the field named, a save writes them back
 * untouched, and only the user's Delete removes the profile. An OpenAPI description whose
 * stored text cannot be read (damaged in IndexedDB) is listed as unreadable, and likewise goes
 * only by Delete.
 */
const OPTIONS = 'src/surfaces/options/options.html';
const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
};
const newer = { ...acme, id: 'beta', name: 'Beta API', pagination: { style: 'cursor' } };

type Stored = { local: Record<string, unknown>; sync: Record<string, unknown> };
const stored = (page: Page) =>
  page.evaluate(async (): Promise<Stored> => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
  }));

describe('stored data this version cannot read, in real Chromium', () => {
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    await options.evaluate(
      async (docs) => {
        await chrome.storage.local.set({ userProfiles: { profiles: docs } });
        await chrome.storage.sync.set({
          settings: { version: 2, profiles: ['acme', 'beta'], futureSection: { a: 1 } },
        });
        await chrome.storage.local.set({
          openapi: [
            { name: 'petstore.yaml', rev: 'r1', size: 14 },
            { name: 'orders.yaml', rev: 'r2', size: 2048 },
          ],
        });
        // The options page's IndexedDB (indexeddb-area.ts): one readable text, one damaged.
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('status-lens', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('blobs');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('blobs', 'readwrite');
          tx.objectStore('blobs').put({ rev: 'r1', text: 'openapi: 3.1.0' }, 'openapi:petstore.yaml');
          tx.objectStore('blobs').put({ rev: 'r2', text: { damaged: true } }, 'openapi:orders.yaml');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      [acme, newer],
    );
    await options.reload();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('is listed with the field named, kept through a save, and deleted only by the user', async () => {
    const group = await options.waitForSelector(
      '[role="group"][aria-label="Stored profiles that could not be read"]',
    );
    const text = await group!.evaluate((e) => (e as HTMLElement).innerText);
    expect(text).toContain('Beta API');
    expect(text).toContain('$.pagination: unknown member');
    const note = await options.$eval(
      '[role="note"][aria-label="Stored settings that could not be read"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(note).toContain('unknown setting "futureSection"');

    // A save: Acme switched off.
    await options.click('li[data-profile="acme"] input[role="switch"]');
    const after = await until('the save', async () => {
      const s = await stored(options);
      const settings = s.sync.settings as { profiles?: string[] } | undefined;
      return settings && !settings.profiles?.includes('acme') ? s : undefined;
    });
    expect((after.local.userProfiles as { profiles: unknown[] }).profiles).toEqual([acme, newer]);
    expect(after.sync.settings).toMatchObject({ version: 2, profiles: ['beta'], futureSection: { a: 1 } });

    const del = await options.waitForSelector('::-p-xpath(//button[normalize-space(.)="Delete Beta API"])');
    await del!.click();
    await until('the delete', async () => {
      const s = await stored(options);
      return (s.local.userProfiles as { profiles: unknown[] }).profiles.length === 1 || undefined;
    });
    expect(((await stored(options)).local.userProfiles as { profiles: unknown[] }).profiles).toEqual([acme]);
  });

  it('lists an OpenAPI description whose stored text is damaged as unreadable, deleted only by the user', async () => {
    const item = await options.waitForSelector('[data-unreadable-description="orders.yaml"]');
    const text = await item!.evaluate((e) => (e as HTMLElement).innerText);
    expect(text).toContain('unreadable');
    expect(text).toContain('its stored text is not text (damaged)');
    expect(await item!.$$eval('button', (bs) => bs.map((b) => b.textContent))).toEqual([
      'Delete orders.yaml',
    ]);
    // The readable one is listed as before.
    await options.waitForSelector('::-p-xpath(//button[normalize-space(.)="Remove petstore.yaml"])');

    await (await item!.$('button'))!.click();
    const index = await until('the delete', async () => {
      const list = (await stored(options)).local.openapi as { name: string }[];
      return list.length === 1 ? list : undefined;
    });
    expect(index.map((e) => e.name)).toEqual(['petstore.yaml']);
    await until('the list to follow', async () =>
      (await options.$('[data-unreadable-description="orders.yaml"]')) === null ? true : undefined,
    );
  });
});
