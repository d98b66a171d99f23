// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryContractStore, MemoryPermissions, MemorySettingsStore } from '../../../src/adapters/memory';
import type { ContractDoc } from '../../../src/core/contract/load';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { ContractStoreContext } from '../../../src/surfaces/options/contract-context';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';
import { lookbehindSpec, OPENAPI_FIXTURES } from '../../helpers/contracts';

afterEach(cleanup);

/** Preparing a description runs after the page draws, and takes a while on a busy machine. */
const SLOW = { timeout: 10_000 };

/** The options page over `contracts`, as a fresh page load would open it. */
function open(contracts: MemoryContractStore) {
  const store = createOptionsStore({
    settings: new MemorySettingsStore(),
    permissions: new MemoryPermissions(false, true),
    download: () => {},
    debounceMs: 5,
  });
  return render(
    <OptionsProvider value={store}>
      <ContractStoreContext.Provider value={contracts}>
        <App />
      </ContractStoreContext.Provider>
    </OptionsProvider>,
  );
}

const petstore: ContractDoc = {
  name: 'petstore.yaml',
  text: readFileSync(resolve(OPENAPI_FIXTURES, 'petstore-3.0.yaml'), 'utf8'),
  baseUrl: 'http://127.0.0.1:8080/api/v3',
};

/** A description with `n` operations whose schema uses a pattern RE2 cannot run: each is disabled. */
const lookbehinds = (n: number): ContractDoc => ({
  name: `pets-${n}.yaml`,
  text: lookbehindSpec(Array.from({ length: n }, (_, i) => `/pet${i}`)),
});

const item = (name: string) =>
  screen
    .getByRole('list', { name: 'Loaded descriptions' })
    .querySelector<HTMLElement>(`[data-description="${name}"]`)!;

describe('options: switching an OpenAPI description off and on', { timeout: 20_000 }, () => {
  it('keeps it, its text and base URL, while off; on again as it was; after a reload too', async () => {
    const contracts = new MemoryContractStore([petstore]);
    const user = userEvent.setup();
    const page = open(contracts);
    const toggle = await screen.findByRole('switch', { name: 'petstore.yaml' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(contracts.docs).toEqual([{ ...petstore, off: true }]));
    expect(toggle).not.toBeChecked();
    expect(item('petstore.yaml')).toHaveTextContent(
      'Off: kept with its base URL, but traffic is not checked',
    );
    expect(screen.getByLabelText(/Served at/)).toHaveValue('http://127.0.0.1:8080/api/v3');
    // A page opened later shows it as stored: off.
    page.unmount();
    open(contracts);
    const again = await screen.findByRole('switch', { name: 'petstore.yaml' });
    expect(again).not.toBeChecked();
    await user.click(again);
    await waitFor(() => expect(contracts.docs).toEqual([petstore]));
    expect(again).toBeChecked();
    expect(item('petstore.yaml')).not.toHaveTextContent('Off:');
  });

  it('Remove points to the switch for keeping a description', async () => {
    const user = userEvent.setup();
    open(new MemoryContractStore([petstore]));
    await user.click(await screen.findByRole('button', { name: 'Remove petstore.yaml' }));
    expect(screen.getByRole('group', { name: 'Remove petstore.yaml?' })).toHaveTextContent(
      'To stop checking traffic against it but keep it, switch it off instead.',
    );
  });

  /** The page over petstore.yaml switched off, once the user has loaded `text` under its name. */
  async function loadOverStoredOff(text: string): Promise<MemoryContractStore> {
    const contracts = new MemoryContractStore([{ ...petstore, off: true }]);
    const user = userEvent.setup();
    open(contracts);
    await screen.findByRole('switch', { name: 'petstore.yaml' });
    await user.upload(screen.getByLabelText('OpenAPI description file'), new File([text], 'petstore.yaml'));
    return contracts;
  }

  it('a new copy of a description switched off stays off, and the load report says so', async () => {
    const contracts = await loadOverStoredOff(petstore.text);
    expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent(
      'petstore.yaml: stored copy updated to Swagger Petstore - OpenAPI 3.0 1.0.27-SNAPSHOT, OpenAPI 3.0, 19 operations, keeping its base URL http://127.0.0.1:8080/api/v3; it is switched off: switch it on below',
    );
    await waitFor(() => expect(contracts.docs).toEqual([{ ...petstore, off: true }]));
  });

  it('a new copy that cannot be used is not saved, and the stored one stays as it was', async () => {
    const contracts = await loadOverStoredOff('openapi: 3.0.3\npaths: [');
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      /^Not saved: petstore\.yaml \(line \d+, column \d+\): not valid YAML.*; the stored petstore\.yaml is kept as it was$/,
    );
    expect(contracts.docs).toEqual([{ ...petstore, off: true }]);
  });
});

describe('options: a stored description’s load warnings', { timeout: 20_000 }, () => {
  it('are listed with the description whenever the page shows it, not only at import', async () => {
    open(new MemoryContractStore([lookbehinds(2), petstore]));
    const warnings = await screen.findByRole('list', { name: 'Load warnings of pets-2.yaml' }, SLOW);
    const lines = within(warnings)
      .getAllByRole('listitem')
      .map((l) => l.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^pets-2\.yaml \(\/paths\/~1pet0\/get\): .*pattern "\(\?<=a\)b" cannot be used/),
      expect.stringMatching(/^pets-2\.yaml \(\/paths\/~1pet1\/get\): /),
    ]);
    // What each one is, too, as the import said.
    expect(item('pets-2.yaml')).toHaveTextContent('Pets 1, OpenAPI 3.0, 2 operations');
    expect(item('petstore.yaml')).toHaveTextContent('19 operations');
    expect(screen.queryByRole('list', { name: 'Load warnings of petstore.yaml' })).toBeNull();
  });

  it('many fold into their count, every one still there behind it; a switched-off one keeps them', async () => {
    const user = userEvent.setup();
    open(new MemoryContractStore([{ ...lookbehinds(5), off: true }]));
    const count = await screen.findByText('5 load warnings', {}, SLOW);
    expect(count.tagName).toBe('SUMMARY');
    const details = count.closest('details')!;
    expect(details.open).toBe(false);
    await user.click(count);
    expect(details.open).toBe(true);
    expect(within(details).getAllByRole('listitem')).toHaveLength(5);
    expect(details).toHaveTextContent('/paths/~1pet4/get');
  });

  it('a stored description this version can no longer use says why', async () => {
    open(new MemoryContractStore([{ name: 'old.json', text: '{"swagger": "2.0"}' }]));
    expect(
      await screen.findByText(/^Cannot be used to check traffic: old\.json/, {}, SLOW),
    ).toHaveTextContent('Swagger 2.0 is not supported');
  });
});
