// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
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
 * The contract store with what the page waits on made visible: every read and delete it hands
 * out, and each update it tells subscribers of. The tests await those, then look once: no
 * polling against a clock, which a loaded machine outran (a 1 s findByRole).
 */
function observed(store: ContractStore) {
  const pending: Promise<unknown>[] = [];
  const track = <T,>(p: Promise<T>): Promise<T> => {
    pending.push(p);
    return p;
  };
  let told = () => {};
  let update = new Promise<void>((r) => (told = r));
  const contracts: ContractStore = {
    ...store,
    read: () => track(store.read()),
    deleteUnreadable: (item) => track(store.deleteUnreadable(item)),
    subscribe: (listener) =>
      store.subscribe((docs, unreadable) => {
        listener(docs, unreadable);
        const done = told;
        update = new Promise<void>((r) => (told = r));
        done();
      }),
  };
  return {
    contracts,
    /** Until every read and delete handed out so far has settled, and React has rendered what they gave. */
    settled: () => act(async () => void (await Promise.allSettled(pending))),
    /** The next update subscribers are told of (a change to the stored descriptions). */
    nextUpdate: () => update,
  };
}

/**
 * Stores the descriptions' index as an earlier session left it, and lets storage tell of the
 * write (as Chrome does, a separate event after it) before the page opens: that event arriving
 * after the page subscribed would be an update no test step waits for.
 */
async function seed(local: MemoryStorageArea, openapi: unknown[]) {
  const told = new Promise<void>((resolve) => {
    const off = local.onChanged(() => {
      off();
      resolve();
    });
  });
  await local.set({ openapi });
  await told;
}

/** Renders the options page and waits until it shows the stored descriptions. */
async function renderOptions(contracts: ReturnType<typeof observed>) {
  const store = createOptionsStore({
    settings: new MemorySettingsStore(),
    permissions: new MemoryPermissions(false, true),
    download: () => {},
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <ContractStoreContext.Provider value={contracts.contracts}>
        <App />
      </ContractStoreContext.Provider>
    </OptionsProvider>,
  );
  // The settings load first (the page shows its sections then); the section then reads the
  // stored descriptions.
  await act(
    () =>
      new Promise<void>((resolve) => {
        if (store.getState().phase === 'ready') return resolve();
        const off = store.subscribe((s) => {
          if (s.phase !== 'ready') return;
          off();
          resolve();
        });
      }),
  );
  await contracts.settled();
}

/**
 * An OpenAPI description whose stored text cannot be read is kept, and the options page shows
 * it in the list of descriptions as unreadable, naming what is wrong, with Delete its only action.
 */
async function setup(wrap?: (store: ContractStore) => ContractStore) {
  const local = MemoryStorageArea.local();
  const idb = new MemoryBlobArea();
  await seed(local, [
    { name: 'petstore.yaml', rev: 'r1', size: 14 },
    { name: 'orders.yaml', rev: 'r2', size: 2048 },
  ]);
  await idb.put('openapi:petstore.yaml', { rev: 'r1', text: 'openapi: 3.1.0' });
  await idb.put('openapi:orders.yaml', { rev: 'r2', text: { damaged: true } });
  const real = contractStoreOver(local, idb);
  const contracts = observed(wrap ? wrap(real) : real);
  await renderOptions(contracts);
  return { local, idb, contracts, user: userEvent.setup() };
}

const item = (name: string) =>
  screen
    .getByRole('list', { name: 'Loaded descriptions' })
    .querySelector(`[data-unreadable-description="${name}"]`) as HTMLElement | null;

describe('options: an OpenAPI description whose stored text cannot be read', { timeout: 20_000 }, () => {
  it('is listed with the readable ones, marked unreadable, naming what is wrong, with Delete only', async () => {
    await setup();
    const list = screen.getByRole('list', { name: 'Loaded descriptions' });
    expect(within(list).getByText('orders.yaml')).toBeInTheDocument();
    expect(within(list).getByText('petstore.yaml')).toBeInTheDocument();
    const orders = item('orders.yaml')!;
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
    const { local, idb, contracts, user } = await setup();
    const update = contracts.nextUpdate();
    await user.click(screen.getByRole('button', { name: 'Delete orders.yaml' }));
    // The delete done, and the page told of the change it made.
    await contracts.settled();
    await act(() => update);
    expect(screen.queryByText('orders.yaml')).toBeNull();
    expect(local.items.get('openapi')).toEqual([{ name: 'petstore.yaml', rev: 'r1', size: 14 }]);
    expect([...idb.items.keys()]).toEqual(['openapi:petstore.yaml']);
    expect(screen.getByText('petstore.yaml')).toBeInTheDocument();
  });

  it('says why when the delete fails, and keeps listing it', async () => {
    const { contracts, user } = await setup((real) => ({
      ...real,
      deleteUnreadable: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    }));
    await user.click(screen.getByRole('button', { name: 'Delete orders.yaml' }));
    await contracts.settled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'orders.yaml was not deleted: QUOTA_BYTES quota exceeded',
    );
    expect(item('orders.yaml')).not.toBeNull();
  });

  it('is shown even when it is the only stored description', async () => {
    const local = MemoryStorageArea.local();
    await seed(local, [{ name: 'lost.yaml', rev: 'r9', size: 5 }]);
    await renderOptions(observed(contractStoreOver(local, new MemoryBlobArea())));
    expect(item('lost.yaml')).toHaveTextContent('its text is missing from this browser’s storage');
  });
});
