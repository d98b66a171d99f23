// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemorySettingsStore, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver, USER_PROFILES_KEY } from '../../../src/adapters/profile-storage';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  body: { error: { required: ['code'] } },
};
/** What a newer version might store: a member this version does not know. */
const newer = { ...acme, id: 'beta', name: 'Beta API', pagination: { style: 'cursor' } };
/** Corrupted: a status code out of range. */
const corrupted = { ...acme, id: 'gamma', name: 'Gamma API', statuses: { all: [700] } };

function setup(stored: unknown, on: string[] = []) {
  const local = MemoryStorageArea.local();
  local.items.set(USER_PROFILES_KEY, stored);
  const settingsStore = new MemorySettingsStore({ ...defaultSettings(), profiles: on });
  const downloads: { fileName: string; text: string }[] = [];
  const store = createOptionsStore({
    settings: settingsStore,
    profiles: profileStoreOver(local),
    permissions: new MemoryPermissions(false, true),
    download: (fileName, text) => downloads.push({ fileName, text }),
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <App />
    </OptionsProvider>,
  );
  const storedDocs = () => (local.items.get(USER_PROFILES_KEY) as { profiles: unknown[] }).profiles;
  return { local, settingsStore, downloads, storedDocs, user: userEvent.setup() };
}

const unreadable = () => screen.findByRole('group', { name: 'Stored profiles that could not be read' });

describe('stored profiles this version cannot read', () => {
  it('are listed as invalid with the validator’s field-named errors, beside the ones that work', async () => {
    setup({ profiles: [acme, newer, corrupted] }, ['acme', 'beta']);
    const group = await unreadable();
    expect(screen.getByRole('switch', { name: /Acme API/ })).toBeChecked();
    const beta = within(group).getByText('Beta API').closest('li')!;
    expect(beta).toHaveTextContent('invalid');
    expect(beta).toHaveTextContent('$.pagination: unknown member');
    const gamma = within(group).getByText('Gamma API').closest('li')!;
    expect(gamma).toHaveTextContent('$.statuses.all[0]');
    expect(screen.queryByRole('switch', { name: /Beta API/ })).toBeNull();
  });

  it.each([
    [
      [newer],
      'A stored profile is not valid for this version, so it is off. Kept as stored until you delete it:',
    ],
    [
      [newer, corrupted],
      '2 stored profiles are not valid for this version, so they are off. Kept as stored until you delete them:',
    ],
  ])('say how many, and "it" or "they", in agreement (%#)', async (docs, sentence) => {
    setup({ profiles: [acme, ...docs] }, ['acme']);
    const group = await unreadable();
    expect(group.querySelector('p')).toHaveTextContent(sentence);
  });

  it('survive every save untouched, with the references to them', async () => {
    const { settingsStore, storedDocs, local, user } = setup({ profiles: [acme, newer], future: { x: 1 } }, [
      'acme',
      'beta',
    ]);
    await screen.findByRole('switch', { name: /Acme API/ });
    // Any edit saves the profiles and the synced settings.
    await user.click(screen.getByRole('switch', { name: /Acme API/ }));
    await waitFor(() => expect(settingsStore.saved.length).toBeGreaterThan(0));
    expect(storedDocs()).toEqual([acme, newer]);
    expect(settingsStore.saved.at(-1)!.profiles).toEqual(['beta']);
    // A member of the stored object this version does not know stays too.
    expect(local.items.get(USER_PROFILES_KEY)).toMatchObject({ future: { x: 1 } });
    await user.click(screen.getByRole('button', { name: 'Remove Acme API' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove Acme API' }));
    await waitFor(() => expect(storedDocs()).toEqual([newer]));
  });

  it('are exported exactly as stored, and deleted only when the user says so', async () => {
    const { downloads, storedDocs, local, user } = setup({ profiles: [acme, newer, corrupted] });
    const group = await unreadable();
    await user.click(within(group).getByRole('button', { name: 'Export Beta API' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toBe('Beta-API.json');
    expect(JSON.parse(downloads[0]!.text)).toEqual(newer);
    await user.click(within(group).getByRole('button', { name: 'Delete Beta API' }));
    await waitFor(() => expect(storedDocs()).toEqual([acme, corrupted]));
    expect(within(await unreadable()).queryByText('Beta API')).toBeNull();
    local.failNextSet = 'QUOTA_BYTES quota exceeded';
    await user.click(within(await unreadable()).getByRole('button', { name: 'Delete Gamma API' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Gamma API” was not deleted: QUOTA_BYTES quota exceeded',
    );
    expect(storedDocs()).toEqual([acme, corrupted]);
  });
});

describe('stored settings this version cannot read', () => {
  it('are named on the options page, not used, and kept through an edit', async () => {
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    sync.items.set('settings', { capture: { apiOnly: false, newSwitch: true }, futureSection: { a: 1 } });
    const store = createOptionsStore({
      settings: settingsStoreOver(sync, local),
      profiles: profileStoreOver(local),
      permissions: new MemoryPermissions(false, true),
      download: () => undefined,
      debounceMs: 5,
    });
    render(
      <OptionsProvider value={store}>
        <App />
      </OptionsProvider>,
    );
    const note = await screen.findByRole('note', { name: 'Stored settings that could not be read' });
    expect(note).toHaveTextContent('capture.newSwitch: unknown setting');
    expect(note).toHaveTextContent('unknown setting "futureSection"');
    store.getState().update((d) => {
      d.capture.preserveLog = true;
    });
    await store.getState().flush();
    expect(sync.items.get('settings')).toMatchObject({
      capture: { apiOnly: false, preserveLog: true, newSwitch: true },
      futureSection: { a: 1 },
    });
  });
});
