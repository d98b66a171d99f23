// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryContractStore, MemoryPermissions, MemorySettingsStore } from '../../../src/adapters/memory';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { ContractStoreContext } from '../../../src/surfaces/options/contract-context';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';

afterEach(cleanup);

function setup() {
  const contracts = new MemoryContractStore();
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
  return { contracts, user: userEvent.setup() };
}

const file = (name: string) =>
  new File([readFileSync(resolve(OPENAPI_FIXTURES, name), 'utf8')], name.split('/').pop()!);

// user-event types one key at a time through React and jsdom: several seconds on a busy
// two-core machine, over the 5 s default, and a timed-out test's typing lands in the next one.
describe('options: OpenAPI descriptions', { timeout: 20_000 }, () => {
  it('loads a description from the file picker, says what it is, and stores it', async () => {
    const { contracts, user } = setup();
    await user.upload(await screen.findByLabelText('OpenAPI description file'), file('petstore-3.0.yaml'));
    expect(await screen.findByRole('status')).toHaveTextContent(
      /petstore-3\.0\.yaml: Swagger Petstore - OpenAPI 3\.0 .*OpenAPI 3\.0, 19 operations/,
    );
    await waitFor(() => expect(contracts.docs.map((d) => d.name)).toEqual(['petstore-3.0.yaml']));
    expect(
      within(screen.getByRole('list', { name: 'Loaded descriptions' })).getByText('petstore-3.0.yaml'),
    ).toBeInTheDocument();
  });

  it('takes a dropped file, and sets and validates the base URL', async () => {
    const { contracts, user } = setup();
    const zone = (await screen.findByText(/Drop a description here/)) as HTMLElement;
    fireEvent.drop(zone, { dataTransfer: { files: [file('museum-3.1.yaml')] } });
    await waitFor(() => expect(contracts.docs).toHaveLength(1));
    const base = await screen.findByLabelText(/Served at/);
    await user.type(base, 'ftp://nope{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('not an http(s) URL');
    expect(contracts.docs[0]!.baseUrl).toBeUndefined();
    await user.clear(base);
    await user.type(base, 'http://127.0.0.1:4010/museum{Enter}');
    await waitFor(() => expect(contracts.docs[0]!.baseUrl).toBe('http://127.0.0.1:4010/museum'));
  });

  it('refuses a document that cannot be used, naming the place, and saves nothing', async () => {
    const { contracts, user } = setup();
    await user.upload(await screen.findByLabelText('OpenAPI description file'), file('bad/swagger2.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved: swagger2.json (/swagger): Swagger 2.0 is not supported: convert it to OpenAPI 3.x first',
    );
    await user.upload(screen.getByLabelText('OpenAPI description file'), file('bad/invalid.yaml'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /invalid\.yaml \(line \d+, column \d+\): not valid YAML/,
    );
    // A key written twice reads as the CLI says it: the key, both lines, nothing stored.
    await user.upload(screen.getByLabelText('OpenAPI description file'), file('bad/duplicate-key.yaml'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved: duplicate-key.yaml (line 11, column 3): not valid YAML: the key "/pet/{petId}" is written twice in the same mapping (also on line 6), and only one of them could be read: merge them',
    );
    expect(contracts.docs).toEqual([]);
  });

  it('gives each stored description its size in the units every other size uses', async () => {
    const { contracts } = setup();
    await contracts.put({ name: 'small.yaml', text: 'x'.repeat(1536) });
    await contracts.put({ name: 'big.yaml', text: 'x'.repeat(3 * 1024 * 1024) });
    const list = await screen.findByRole('list', { name: 'Loaded descriptions' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(list).toHaveTextContent('small.yaml 1.5 KiB');
    expect(list).toHaveTextContent('big.yaml 3 MiB');
    expect(list).not.toHaveTextContent('0.0 MB');
  });

  it('removes a description', async () => {
    const { contracts, user } = setup();
    await contracts.put({ name: 'old.yaml', text: 'openapi: 3.1.0' });
    await user.click(await screen.findByRole('button', { name: 'Remove old.yaml' }));
    // Asked first: its text and base URL live only in this browser.
    expect(contracts.docs).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Remove old.yaml?' })).toHaveTextContent(
      'Its text and base URL are deleted',
    );
    await user.click(screen.getByRole('button', { name: 'Yes, remove old.yaml' }));
    await waitFor(() => expect(contracts.docs).toEqual([]));
  });

  it('takes several files at once and resolves the description’s relative $refs among them', async () => {
    const { contracts, user } = setup();
    const input = await screen.findByLabelText('OpenAPI description file');
    expect(input).toHaveAttribute('multiple');
    const flat = (name: string, text: string) => new File([text], name);
    await user.upload(input, [
      flat(
        'api.yaml',
        readFileSync(resolve(OPENAPI_FIXTURES, 'split/api.yaml'), 'utf8').replace(
          './paths/order.yaml',
          './order-path.yaml',
        ),
      ),
      flat('order-path.yaml', readFileSync(resolve(OPENAPI_FIXTURES, 'split/paths/order.yaml'), 'utf8')),
      flat('order.yaml', readFileSync(resolve(OPENAPI_FIXTURES, 'split/schemas/order.yaml'), 'utf8')),
      flat('common.yaml', readFileSync(resolve(OPENAPI_FIXTURES, 'split/common.yaml'), 'utf8')),
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'api.yaml: split across files 1, OpenAPI 3.0, 1 operation, with order-path.yaml, order.yaml, common.yaml',
    );
    await waitFor(() => expect(contracts.docs.map((d) => d.name)).toEqual(['api.yaml']));
    expect(contracts.docs[0]!.parts!.map((p) => p.name)).toEqual([
      'order-path.yaml',
      'order.yaml',
      'common.yaml',
    ]);
  });

  it('a dropped description without the files it refers to is saved, naming each unresolved $ref and where', async () => {
    const { contracts } = setup();
    const zone = (await screen.findByText(/Drop a description here/)) as HTMLElement;
    fireEvent.drop(zone, {
      dataTransfer: {
        files: [file('split/api.yaml'), file('split/common.yaml')],
      },
    });
    const report = await screen.findByRole('status');
    expect(report).toHaveTextContent(
      /api\.yaml \(\/paths\/~1orders~1\{id\}\): path \/orders\/\{id\} is skipped: \$ref "\.\/paths\/order\.yaml" points into paths\/order\.yaml, which could not be read \(not loaded: choose or drop it together with api\.yaml/,
    );
    await waitFor(() => expect(contracts.docs[0]!.parts!.map((p) => p.name)).toEqual(['common.yaml']));
  });
});
