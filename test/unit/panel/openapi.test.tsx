// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { lookbehindSpec, OPENAPI_FIXTURES } from '../../helpers/contracts';
import { setupPanel } from '../../helpers/panel';

const J = { 'Content-Type': 'application/json' };
const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = {
  name: 'petstore.yaml',
  text: readFileSync(resolve(OPENAPI_FIXTURES, 'petstore-3.0.yaml'), 'utf8'),
  baseUrl: PET,
};

function traffic(source: ReturnType<typeof setupPanel>['source']) {
  const call = (path: string, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    source.emit(harEntry({ url: `${PET}${path}`, status, headers: J, size: text.length }), { text });
  };
  act(() => {
    call('/pet/10', 200, { id: 10, name: 'rex', photoUrls: [] });
    call('/pet/11', 200, { id: 'eleven', photoUrls: [] });
    call('/pets', 404, {});
  });
}

/** Endpoints, then its Coverage side (Routes is where it opens). */
async function openCoverage(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
  const modes = await screen.findByRole('group', { name: 'Endpoints shows' });
  fireEvent.click(within(modes).getByRole('button', { name: 'Coverage' }));
  return screen.findByRole('region', { name: 'OpenAPI coverage' });
}

/** Renders the panel, sends the traffic, selects GET /pet/11 once analysed: its operation region. */
async function showPet11(
  renderIn: ReturnType<typeof setupPanel>['renderIn'],
  source: ReturnType<typeof setupPanel>['source'],
  store: ReturnType<typeof setupPanel>['store'],
): Promise<HTMLElement> {
  renderIn(<App />);
  traffic(source);
  await waitFor(() =>
    expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(3),
  );
  await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
  const row = store.getState().rows.find((r) => r.exchange.url.endsWith('/pet/11'))!;
  act(() => store.getState().select(row.exchange.id));
  return screen.findByRole('region', { name: 'OpenAPI operation' });
}

describe('the panel with an OpenAPI description loaded', () => {
  it('shows the matched operation with its statuses and each contract finding with its pointer', async () => {
    const { renderIn, source, contracts, store } = setupPanel();
    await act(() => contracts.put(petstore));
    const op = await showPet11(renderIn, source, store);
    expect(op).toHaveTextContent('GET /pet/{petId}');
    expect(op).toHaveTextContent('getPetById');
    expect(within(op).getByText('200')).toHaveAttribute('aria-current', 'true');
    expect(within(op).getByText('404')).not.toHaveAttribute('aria-current');
    const findings = screen.getByRole('region', { name: 'Findings' });
    expect(findings).toHaveTextContent('contract/response-schema');
    expect(
      within(findings).getByRole('button', { name: /expected integer, got string.*→ \/id/ }),
    ).toBeInTheDocument();
    expect(
      within(findings).getByRole('button', {
        name: /required member "name" is missing.*→ the top level of the body/,
      }),
    ).toBeInTheDocument();
  });

  it('says when the matched operation could not be checked, and why, rather than look like a pass', async () => {
    const { renderIn, source, contracts, store } = setupPanel();
    const broken = lookbehindSpec(['/pet/{petId}']);
    await act(() => contracts.put({ name: 'pets.yaml', text: broken, baseUrl: PET }));
    const op = await showPet11(renderIn, source, store);
    expect(op).toHaveTextContent('GET /pet/{petId}');
    expect(within(op).getByRole('note')).toHaveTextContent(
      /^Its body and headers were not checked against their schemas: pattern "\(\?<=a\)b" cannot be used: lookbehind/,
    );
    expect(screen.getByRole('region', { name: 'Findings' })).not.toHaveTextContent(
      'contract/response-schema',
    );
  });

  it('the Body tab marks each member that fails the schema, with the violation beside it', async () => {
    const { renderIn, source, contracts, store } = setupPanel();
    await act(() => contracts.put(petstore));
    renderIn(<App />);
    traffic(source);
    await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(3));
    const row = store.getState().rows.find((r) => r.exchange.url.endsWith('/pet/11'))!;
    act(() => store.getState().select(row.exchange.id));
    fireEvent.click(await screen.findByRole('tab', { name: 'Body' }));
    const tree = await screen.findByRole('tree', { name: 'Response body' });
    const items = within(tree).getAllByRole('treeitem');
    const marked = items.filter((i) => i.classList.contains('jt-violation'));
    // `id` has the wrong type; the whole body (pointer '') lacks the required `name`.
    expect(marked.map((i) => i.getAttribute('data-pointer'))).toEqual(['', '/id']);
    const id = marked.find((i) => i.getAttribute('data-pointer') === '/id')!;
    expect(id).toHaveTextContent(
      /"eleven"⚠ .*expected integer, got string; schema petstore\.yaml#\/components\/schemas\/Pet\/properties\/id\/type/,
    );
    expect(marked[0]).toHaveTextContent(/⚠ .*required member "name" is missing/);
    // Members that conform are not marked.
    const photos = items.find((i) => i.getAttribute('data-pointer') === '/photoUrls')!;
    expect(photos).not.toHaveClass('jt-violation');
    expect(screen.getByRole('note', { name: 'Schema violations' })).toHaveTextContent(
      '2 members fail the documented schema',
    );
    // A conforming body has no marks and no note.
    const good = store.getState().rows.find((r) => r.exchange.url.endsWith('/pet/10'))!;
    act(() => store.getState().select(good.exchange.id));
    const goodTree = await screen.findByRole('tree', { name: 'Response body' });
    await waitFor(() => expect(within(goodTree).getAllByRole('treeitem')[0]).toHaveTextContent('Object'));
    expect(goodTree.querySelectorAll('.jt-violation')).toHaveLength(0);
    expect(screen.queryByRole('note', { name: 'Schema violations' })).toBeNull();
  });

  it('adds coverage to the Endpoints view, exportable as Markdown and JSON', async () => {
    const { renderIn, source, contracts, downloads, store } = setupPanel();
    renderIn(<App />);
    traffic(source);
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    // Loaded after the traffic: every row is judged again.
    await act(() => contracts.put(petstore));
    const region = await openCoverage();
    expect(region).toHaveTextContent('1 of 19 operations seen');
    const getPet = within(region)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('GET /pet/{petId}'))!;
    expect(getPet).toHaveTextContent('getPetById');
    expect(getPet).toHaveTextContent('200 ×2');
    const undocumented = within(region).getByRole('region', { name: 'Undocumented operations' });
    expect(undocumented).toHaveTextContent('GET /pets');
    fireEvent.click(within(region).getByRole('button', { name: 'Export Markdown' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Export JSON' }));
    // Built where the analysis runs (exportText), so they arrive a moment later.
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]!.text).toContain('## OpenAPI coverage');
    expect(JSON.parse(downloads[1]!.text).documents[0]).toMatchObject({
      name: 'petstore.yaml',
      seen: 1,
      operations: 19,
    });
    // Counted as rows arrive, with the view open.
    act(() => {
      const text = JSON.stringify({ id: 12, name: 'fido', photoUrls: [] });
      source.emit(harEntry({ url: `${PET}/pet/12`, status: 200, headers: J, size: text.length }), { text });
    });
    await waitFor(() =>
      expect(
        within(region)
          .getAllByRole('row')
          .find((r) => r.textContent?.includes('GET /pet/{petId}')),
      ).toHaveTextContent('200 ×3'),
    );
    // Clear: the worker forgets what it counted.
    act(() => store.getState().clear());
    await waitFor(() => expect(region).toHaveTextContent('0 of 19 operations seen'));
    // Removing the description brings the route groups back.
    await act(() => contracts.remove('petstore.yaml'));
    await screen.findByText('No requests captured yet.');
    expect(screen.queryByRole('region', { name: 'OpenAPI coverage' })).toBeNull();
  });

  it('keeps the triage by route beside coverage: a switch, remembered; every table has its header; a coverage row lists its calls', async () => {
    // UI review finding 6: loading a description replaced Endpoints with coverage alone: no
    // error rate, timings or findings by rule, no route outside the description, no click.
    const { renderIn, source, contracts, store } = setupPanel();
    await act(() => contracts.put(petstore));
    renderIn(<App />);
    traffic(source);
    act(() => {
      source.emit(harEntry({ url: 'http://localhost:9999/other/thing', status: 500, headers: J }));
    });
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // Routes first: the triage columns, and a host no description covers.
    const routes = await screen.findByRole('region', { name: 'Endpoints' });
    await waitFor(() => expect(routes).toHaveTextContent('/other/thing'));
    for (const h of ['Errors', 'p50', 'Findings by rule'])
      expect(within(routes).getByRole('columnheader', { name: h })).toBeInTheDocument();
    const modes = screen.getByRole('group', { name: 'Endpoints shows' });
    expect(within(modes).getByRole('button', { name: 'Routes' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(within(modes).getByRole('button', { name: 'Coverage' }));
    const region = await screen.findByRole('region', { name: 'OpenAPI coverage' });
    await waitFor(() => expect(region).toHaveTextContent('1 of 19 operations seen'));
    // Both tables say what their columns are.
    const undocumented = within(region).getByRole('region', { name: 'Undocumented operations' });
    expect(
      within(undocumented)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Operation', 'Calls', 'Statuses seen', 'Description']);
    // Remembered while the panel lives: Requests and back keeps Coverage.
    fireEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    await screen.findByRole('region', { name: 'OpenAPI coverage' });
    expect(screen.getByRole('button', { name: 'Coverage' })).toHaveAttribute('aria-pressed', 'true');

    // An operation seen lists its calls in Requests, as a route does; one never called is no button.
    const coverage = screen.getByRole('region', { name: 'OpenAPI coverage' });
    expect(within(coverage).queryByRole('button', { name: 'POST /pet' })).toBeNull();
    fireEvent.click(within(coverage).getByRole('button', { name: 'GET /pet/{petId}' }));
    expect(store.getState().view).toBe('requests');
    expect(store.getState().filter.query).toBe('method:GET operation:/pet/{petId}');
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(2),
    );
    // So does an undocumented one.
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    const again = await screen.findByRole('region', { name: 'Undocumented operations' });
    act(() => store.getState().setFilter({ query: '' }));
    fireEvent.click(within(again).getByRole('button', { name: 'GET /pets' }));
    expect(store.getState().filter.query).toBe('method:GET operation:/pets');
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(1),
    );
  });

  it('a description switched off gives no findings, coverage or load problems until it is switched on', async () => {
    const { renderIn, source, contracts, store } = setupPanel();
    await act(() => contracts.put(petstore));
    await act(() => contracts.put({ name: 'broken.yaml', text: 'openapi: 3.0.0\npaths: [' }));
    const op = await showPet11(renderIn, source, store);
    expect(op).toHaveTextContent('getPetById');
    const findings = () => screen.getByRole('region', { name: 'Findings' });
    expect(findings()).toHaveTextContent('contract/response-schema');
    expect(screen.getByRole('button', { name: /^OpenAPI \(1\)/ })).toBeInTheDocument();

    await act(() => contracts.setOff('petstore.yaml', true));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'OpenAPI operation' })).toBeNull());
    expect(findings()).not.toHaveTextContent('contract/');
    // The toolbar says one is switched off (and which, in its tooltip).
    const button = screen.getByRole('button', { name: 'OpenAPI · 1 off' });
    expect(button).toHaveAttribute('title', expect.stringMatching(/Switched off there: petstore\.yaml$/));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // No coverage without a description on: the route groups are back.
    await screen.findByRole('region', { name: 'Endpoints' });
    expect(screen.queryByRole('region', { name: 'OpenAPI coverage' })).toBeNull();

    await act(() => contracts.setOff('broken.yaml', true));
    await act(() => contracts.setOff('petstore.yaml', false));
    fireEvent.click(await screen.findByRole('button', { name: 'Coverage' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'OpenAPI coverage' })).toHaveTextContent(
        '1 of 19 operations seen',
      ),
    );
    expect(screen.getByRole('region', { name: 'OpenAPI coverage' })).not.toHaveTextContent('broken.yaml');
    expect(screen.getByRole('button', { name: 'OpenAPI (1) · 1 off' })).toHaveAttribute(
      'title',
      expect.stringMatching(/Switched off there: broken\.yaml$/),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    await screen.findByRole('region', { name: 'OpenAPI operation' });
    expect(findings()).toHaveTextContent('contract/response-schema');
  });

  it('counts a one-operation description in the singular, as the CLI does', async () => {
    const { renderIn, source, contracts } = setupPanel();
    const one =
      'openapi: 3.0.3\ninfo: { title: One, version: "1" }\npaths:\n  /ping:\n    get:\n      responses:\n        "204": { description: pong }\n';
    await act(() => contracts.put({ name: 'one.yaml', text: one, baseUrl: PET }));
    renderIn(<App />);
    traffic(source);
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    const region = await openCoverage();
    expect(region).toHaveTextContent('0 of 1 operation seen');
    expect(region).not.toHaveTextContent('operations seen');
  });

  it('a description that cannot be used says why in the coverage view; the others keep working', async () => {
    const { renderIn, source, contracts } = setupPanel();
    await act(() => contracts.put({ name: 'broken.yaml', text: 'openapi: 3.0.0\npaths: [' }));
    await act(() => contracts.put(petstore));
    renderIn(<App />);
    traffic(source);
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    const region = await openCoverage();
    expect(region).toHaveTextContent(/broken\.yaml \(line \d+, column \d+\): not valid YAML/);
    expect(region).toHaveTextContent('1 of 19 operations seen');
  });

  it('the toolbar button loads several files at once: the description with the files it refers to', async () => {
    const { renderIn, contracts } = setupPanel();
    renderIn(<App />);
    const input = screen.getByLabelText('Load OpenAPI description');
    expect(input).toHaveAttribute('multiple');
    const f = (name: string, path: string) =>
      new File([readFileSync(resolve(OPENAPI_FIXTURES, path), 'utf8')], name);
    fireEvent.change(input, {
      target: { files: [f('api.yaml', 'split/api.yaml'), f('common.yaml', 'split/common.yaml')] },
    });
    await waitFor(() => expect(contracts.docs.map((d) => d.name)).toEqual(['api.yaml']));
    expect(contracts.docs[0]!.parts!.map((p) => p.name)).toEqual(['common.yaml']);
  });
});
