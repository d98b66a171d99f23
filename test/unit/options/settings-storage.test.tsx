// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemoryStorageArea } from '../../../src/adapters/memory';
import { itemBytes, settingsStoreOver } from '../../../src/adapters/settings-storage';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

/** Settings of about 20 KB: a team's long redaction lists, far over sync's 8 KB per item. */
function bigSettings(tag = 'a'): Settings {
  const s = defaultSettings();
  s.redaction.headers = Array.from({ length: 500 }, (_, i) => `x-${tag}-internal-secret-${i}`);
  s.redaction.queryParams = Array.from({ length: 250 }, (_, i) => `${tag}_private_param_${i}`);
  s.rules = { 'http/unauthorized-challenge': 'off' };
  return s;
}

function areas() {
  return { sync: MemoryStorageArea.sync(), local: MemoryStorageArea.local() };
}

/** Collects what a subscriber (an open panel, the background) is told. */
function listen(store: ReturnType<typeof settingsStoreOver>) {
  const seen: Settings[] = [];
  store.subscribe((s) => seen.push(s));
  return seen;
}

describe('settings storage: sync when it fits, local when it does not', () => {
  it('keeps settings that fit in chrome.storage.sync, as before', async () => {
    const { sync, local } = areas();
    const store = settingsStoreOver(sync, local);
    const s = defaultSettings();
    s.profiles = ['problem'];
    await expect(store.save(s)).resolves.toEqual({ storedIn: 'sync' });
    expect(sync.items.get('settings')).toEqual(s);
    expect(local.items.size).toBe(0);
    expect(await settingsStoreOver(sync, local).load()).toEqual(s);
  });

  it('saves settings over the 8 KB item quota in storage.local, with a pointer in sync, and says so', async () => {
    const { sync, local } = areas();
    const big = bigSettings();
    expect(itemBytes('settings', big)).toBeGreaterThan(18 * 1024);
    // The memory area refuses what Chrome refuses.
    await expect(sync.set({ settings: big })).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');

    const outcome = await settingsStoreOver(sync, local).save(big);
    expect(outcome.storedIn).toBe('local');
    expect(outcome.note).toMatch(
      /^Your settings are \d+(\.\d)? KiB, more than the 8 KiB Chrome sync keeps in one item/,
    );
    expect(outcome.note).toMatch(/this browser only/);
    expect(itemBytes('settings', sync.items.get('settings'))).toBeLessThan(200);
    // A reload (a fresh store over the same storage) finds them.
    expect(await settingsStoreOver(sync, local).load()).toEqual(big);
  });

  it('tells other contexts (an open panel, the background) once, with the whole settings', async () => {
    const { sync, local } = areas();
    const panel = listen(settingsStoreOver(sync, local));
    const options = settingsStoreOver(sync, local);
    const big = bigSettings();
    await options.save(big);
    await waitFor(() => expect(panel).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(panel).toEqual([big]);

    // Back under the quota: sync again, and the local copy goes.
    const small = defaultSettings();
    small.profiles = ['hal'];
    await expect(options.save(small)).resolves.toEqual({ storedIn: 'sync' });
    await waitFor(() => expect(panel).toHaveLength(2));
    expect(panel[1]).toEqual(small);
    expect(local.items.has('settings')).toBe(false);
    expect(await settingsStoreOver(sync, local).load()).toEqual(small);
  });

  it('fails the save, and keeps the stored settings, when local storage refuses too', async () => {
    const { sync } = areas();
    const tinyLocal = new MemoryStorageArea(Infinity, 4096);
    const store = settingsStoreOver(sync, tinyLocal);
    const before = defaultSettings();
    before.profiles = ['envelope'];
    await store.save(before);
    await expect(store.save(bigSettings())).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect(await settingsStoreOver(sync, tinyLocal).load()).toEqual(before);
  });

  it('does not hide other sync failures (the write-rate limit) behind local storage', async () => {
    const { sync, local } = areas();
    sync.failNextSet = 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded';
    await expect(settingsStoreOver(sync, local).save(defaultSettings())).rejects.toThrow(
      'MAX_WRITE_OPERATIONS_PER_MINUTE',
    );
    expect(local.items.size).toBe(0);
  });

  it('fails a big save when sync cannot take the pointer, rather than claim it', async () => {
    const { sync, local } = areas();
    const store = settingsStoreOver(sync, local);
    sync.failNextSet = 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded';
    await expect(store.save(bigSettings())).rejects.toThrow(/Chrome sync still holds the previous settings/);
    expect(await settingsStoreOver(sync, local).load()).toEqual(defaultSettings());
  });
});

describe('importing a settings file over 8 KB on the options page', () => {
  function page(sync: MemoryStorageArea, local: MemoryStorageArea) {
    const store = createOptionsStore({
      settings: settingsStoreOver(sync, local),
      permissions: new MemoryPermissions(false, true),
      download: () => undefined,
      debounceMs: 5,
    });
    render(
      <OptionsProvider value={store}>
        <App />
      </OptionsProvider>,
    );
    return store;
  }

  const file = (s: Settings) => new File([JSON.stringify(s)], 'team.json', { type: 'application/json' });

  it('imports, says the settings are kept in this browser only, and they survive a reload', async () => {
    const { sync, local } = areas();
    const panel = listen(settingsStoreOver(sync, local));
    page(sync, local);
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    const big = bigSettings();
    await userEvent.upload(input, file(big));
    const status = await screen.findByText(/Imported settings from team.json/);
    expect(status).toHaveTextContent(/saved in this browser only/);
    expect(screen.queryByText(/Not saved/)).not.toBeInTheDocument();
    await waitFor(() => expect(panel.at(-1)?.redaction.headers).toEqual(big.redaction.headers));

    cleanup();
    page(sync, local);
    const headers = (await screen.findByLabelText('Header names')) as HTMLTextAreaElement;
    expect(headers.value.split('\n')).toEqual(big.redaction.headers);
  }, 30_000);

  it('never says "Imported" when the settings could not be stored, and shows what is stored', async () => {
    const { sync } = areas();
    const tinyLocal = new MemoryStorageArea(Infinity, 4096);
    page(sync, tinyLocal);
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    await userEvent.upload(input, file(bigSettings()));
    const alert = await screen.findByText(/team.json is valid, but the settings could not be saved/);
    expect(alert).toHaveTextContent(/QUOTA_BYTES quota exceeded/);
    expect(screen.queryByText(/Imported settings/)).not.toBeInTheDocument();
    const headers = (await screen.findByLabelText('Header names')) as HTMLTextAreaElement;
    expect(headers.value.split('\n')).toEqual(defaultSettings().redaction.headers);
  }, 30_000);
});
