// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage';
import {
  MemoryBlobArea,
  MemoryPermissions,
  MemorySettingsStore,
  MemoryStorageArea,
} from '../../../src/adapters/memory';
import type { ContractStore } from '../../../src/adapters/ports';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { ContractStoreContext } from '../../../src/surfaces/options/contract-context';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

/**
 * An OpenAPI description whose stored text cannot be read is kept, and the options page shows
 * it in the list of descriptions as unreadable, naming what is wrong, with Delete its only action.
 */
async function setup(wrap?: (store: ContractStore) => ContractStore) {
  const local = MemoryStorageArea.local();
  const idb = new MemoryBlobArea();
  await local.set({
    openapi: [
      { name: 'petstore.yaml', rev: 'r1', size: 14 },
      { name: 'orders.yaml', rev: 'r2', size: 2048 },
    ],
  });
  await idb.put('openapi:petstore.yaml', { rev: 'r1', text: 'openapi: 3.1.0' });
  await idb.put('openapi:orders.yaml', { rev: 'r2', text: { damaged: true } });
  const real = contractStoreOver(local, idb);
  const contracts = wrap ? wrap(real) : real;
  const store = createOptionsStore({
    settings: new MemorySettingsStore(),
    permissions: new MemoryPermissions(false, true),
    download: () => {},
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <ContractStoreContext.Provider value={contracts}>
        <App />
      </ContractStoreContext.Provider>
    </OptionsProvider>,
  );
  return { local, idb, user: userEvent.setup() };
}

const item = async (name: string) =>
  (await screen.findByRole('list', { name: 'Loaded descriptions' })).querySelector(
    `[data-unreadable-description="${name}"]`,
  ) as HTMLElement | null;

describe('options: an OpenAPI description whose stored text cannot be read', { timeout: 20_000 }, () => {
  it('is listed with the readable ones, marked unreadable, naming what is wrong, with Delete only', async () => {
    await setup();
    const list = await screen.findByRole('list', { name: 'Loaded descriptions' });
    await waitFor(() => expect(within(list).getByText('orders.yaml')).toBeInTheDocument());
    expect(within(list).getByText('petstore.yaml')).toBeInTheDocument();
    const orders = (await item('orders.yaml'))!;
    expect(orders).toHaveTextContent('unreadable');
    expect(orders).toHaveTextContent('its stored text is not text (damaged)');
    expect(
      within(orders)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Delete orders.yaml']);
    expect(within(orders).queryByLabelText(/Served at/)).toBeNull();
    // The readable one keeps its own actions.
    expect(screen.getByRole('button', { name: 'Remove petstore.yaml' })).toBeInTheDocument();
  });

  it('goes from storage and the list only when the user deletes it; the others stay', async () => {
    const { local, idb, user } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Delete orders.yaml' }));
    await waitFor(() => expect(screen.queryByText('orders.yaml')).toBeNull());
    expect(local.items.get('openapi')).toEqual([{ name: 'petstore.yaml', rev: 'r1', size: 14 }]);
    expect([...idb.items.keys()]).toEqual(['openapi:petstore.yaml']);
    expect(screen.getByText('petstore.yaml')).toBeInTheDocument();
  });

  it('says why when the delete fails, and keeps listing it', async () => {
    await setup((real) => ({
      ...real,
      deleteUnreadable: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete orders.yaml' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'orders.yaml was not deleted: QUOTA_BYTES quota exceeded',
    );
    expect(await item('orders.yaml')).not.toBeNull();
  });

  it('is shown even when it is the only stored description', async () => {
    const local = MemoryStorageArea.local();
    await local.set({ openapi: [{ name: 'lost.yaml', rev: 'r9', size: 5 }] });
    render(
      <OptionsProvider
        value={createOptionsStore({
          settings: new MemorySettingsStore(),
          permissions: new MemoryPermissions(false, true),
          download: () => {},
        })}
      >
        <ContractStoreContext.Provider value={contractStoreOver(local, new MemoryBlobArea())}>
          <App />
        </ContractStoreContext.Provider>
      </OptionsProvider>,
    );
    expect(await item('lost.yaml')).toHaveTextContent('its text is missing from this browser’s storage');
  });
});
