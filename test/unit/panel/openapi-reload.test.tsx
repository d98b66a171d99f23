// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';
import { setupPanel } from '../../helpers/panel';

const PET = 'http://127.0.0.1:8080/api/v3';
const fixture = (path: string) => readFileSync(resolve(OPENAPI_FIXTURES, path), 'utf8');
const PETSTORE = fixture('petstore-3.0.yaml');
/** The same description, one version later: an operation more. */
const PETSTORE_V2 = PETSTORE.replace(
  /\npaths:\n/,
  '\npaths:\n  /pet/{petId}/tags:\n    get:\n      operationId: getPetTags\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: integer } }\n      responses:\n        "200": { description: ok }\n',
);

/** Chooses these files with the toolbar's OpenAPI button. */
function loadFromToolbar(files: Record<string, string>) {
  const input = screen.getByLabelText('Load OpenAPI description');
  fireEvent.change(input, {
    target: { files: Object.entries(files).map(([name, text]) => new File([text], name)) },
  });
}

/** The panel's status bar (one of several live regions). */
const status = () => document.querySelector<HTMLElement>('.status-bar[role="status"]')!;
const PETSTORE_IS = 'Swagger Petstore - OpenAPI 3.0 1.0.27-SNAPSHOT, OpenAPI 3.0';
const split = (path: string) => ({ name: path, text: fixture(`split/${path}`) });
const SPLIT_PARTS = [split('paths/order.yaml'), split('schemas/order.yaml'), split('common.yaml')];

describe('the toolbar loading a description already stored under its name', () => {
  it('updates its text and keeps its base URL and switch, and says it updated it', async () => {
    const { renderIn, contracts } = setupPanel();
    await act(() => contracts.put({ name: 'petstore.yaml', text: PETSTORE, baseUrl: PET, off: true }));
    renderIn(<App />);
    loadFromToolbar({ 'petstore.yaml': PETSTORE_V2 });
    await waitFor(() => expect(status()).toHaveTextContent('stored copy updated'));
    expect(contracts.docs).toEqual([{ name: 'petstore.yaml', text: PETSTORE_V2, baseUrl: PET, off: true }]);
    expect(status()).toHaveTextContent(
      `petstore.yaml: stored copy updated to ${PETSTORE_IS}, 20 operations, keeping its base URL ${PET}; it is switched off: switch it on in the options page to check traffic against it`,
    );
    // Still off: the toolbar says so, and judges by nothing.
    expect(screen.getByRole('button', { name: 'OpenAPI · 1 off' })).toBeInTheDocument();
  });

  it('the new version is what the panel judges by, at the base URL kept', async () => {
    const { renderIn, contracts } = setupPanel();
    await act(() => contracts.put({ name: 'petstore.yaml', text: PETSTORE, baseUrl: PET }));
    renderIn(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // Routes first; coverage is the switch's other side.
    fireEvent.click(await screen.findByRole('button', { name: 'Coverage' }));
    const region = await screen.findByRole('region', { name: 'OpenAPI coverage' });
    expect(region).toHaveTextContent('0 of 19 operations seen');
    loadFromToolbar({ 'petstore.yaml': PETSTORE_V2 });
    await waitFor(() => expect(region).toHaveTextContent('0 of 20 operations seen'));
    expect(contracts.docs[0]!.baseUrl).toBe(PET);
  });

  it('one that cannot be used is not stored: the stored copy stays whole, and the status bar says why', async () => {
    const { renderIn, contracts } = setupPanel();
    const stored = { name: 'api.yaml', text: fixture('split/api.yaml'), parts: SPLIT_PARTS, baseUrl: PET };
    await act(() => contracts.put(stored));
    renderIn(<App />);
    loadFromToolbar({ 'api.yaml': 'openapi: 3.0.3\npaths: [' });
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        /Not saved: api\.yaml \(line \d+, column \d+\): not valid YAML.*; the stored api\.yaml is kept as it was/,
      ),
    );
    expect(contracts.docs).toEqual([stored]);
  });

  it('a split description keeps the stored files its $refs still point to; files loaded with it replace theirs; the rest go', async () => {
    const { renderIn, contracts } = setupPanel();
    const v1 = fixture('split/api.yaml');
    await act(() => contracts.put({ name: 'api.yaml', text: v1, parts: SPLIT_PARTS }));
    renderIn(<App />);
    // The main file alone, one version later.
    const v2 = v1.replace("version: '1'", "version: '2'");
    loadFromToolbar({ 'api.yaml': v2 });
    await waitFor(() => expect(status()).toHaveTextContent('stored copy updated'));
    expect(status()).toHaveTextContent(
      'api.yaml: stored copy updated to split across files 2, OpenAPI 3.0, 1 operation, with paths/order.yaml, schemas/order.yaml, common.yaml, keeping paths/order.yaml, schemas/order.yaml and common.yaml (stored with it, and its $refs point to them)',
    );
    expect(contracts.docs).toEqual([{ name: 'api.yaml', text: v2, parts: SPLIT_PARTS }]);
    // Every $ref still resolves: no load problem in the coverage view.
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // Routes first; coverage is the switch's other side.
    fireEvent.click(await screen.findByRole('button', { name: 'Coverage' }));
    const region = await screen.findByRole('region', { name: 'OpenAPI coverage' });
    expect(region).toHaveTextContent('0 of 1 operation seen');
    expect(region).not.toHaveTextContent('not loaded');

    // With a new common.yaml: it replaces the stored one, the other two are kept.
    const common = 'responses:\n  NotFound:\n    description: gone\n';
    loadFromToolbar({ 'api.yaml': v2, 'common.yaml': common });
    await waitFor(() =>
      expect(contracts.docs[0]!.parts).toEqual([
        { name: 'common.yaml', text: common },
        ...SPLIT_PARTS.slice(0, 2),
      ]),
    );
    expect(status()).toHaveTextContent(
      'api.yaml: stored copy updated to split across files 2, OpenAPI 3.0, 1 operation, with common.yaml, paths/order.yaml, schemas/order.yaml, keeping paths/order.yaml and schemas/order.yaml (stored with it',
    );

    // A version whose $refs reach none of them: the stored files go with the old version.
    const inline = v2.replace(
      "$ref: './paths/order.yaml'",
      "get: { responses: { '200': { description: ok } } }",
    );
    loadFromToolbar({ 'api.yaml': inline });
    await waitFor(() => expect(contracts.docs[0]!.text).toBe(inline));
    expect(contracts.docs).toEqual([{ name: 'api.yaml', text: inline }]);
    expect(status()).toHaveTextContent(
      /^0 requests · api\.yaml: stored copy updated to split across files 2, OpenAPI 3\.0, 1 operation$/,
    );
  });

  it('a description new to the store is stored as loaded, and the status bar says what it is', async () => {
    const { renderIn, contracts } = setupPanel();
    renderIn(<App />);
    loadFromToolbar({ 'petstore.yaml': PETSTORE });
    await waitFor(() => expect(status()).toHaveTextContent(`petstore.yaml: ${PETSTORE_IS}, 19 operations`));
    expect(status()).not.toHaveTextContent('updated');
    expect(contracts.docs).toEqual([{ name: 'petstore.yaml', text: PETSTORE }]);
  });

  it('a new description that cannot be used is not stored', async () => {
    const { renderIn, contracts } = setupPanel();
    renderIn(<App />);
    loadFromToolbar({ 'broken.yaml': 'openapi: 3.0.3\npaths: [' });
    await waitFor(() =>
      expect(status()).toHaveTextContent(/Not saved: broken\.yaml \(line \d+, column \d+\): not valid YAML/),
    );
    expect(status()).not.toHaveTextContent('kept as it was');
    expect(contracts.docs).toEqual([]);
  });
});
