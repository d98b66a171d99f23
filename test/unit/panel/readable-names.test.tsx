// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';
import { copySelection as copy } from '../../helpers/copy';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

const J = { 'Content-Type': 'application/json' };

/** Each hostile escape stays as written: a right-to-left override, a newline, a byte that is not UTF-8, a slash. */
const HOSTILE = ['invoice%E2%80%AEfdp.exe', 'line%0Abreak', 'bad%FF', 'a%2Fb'];

/** No control, zero-width or bidi character. */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** One JSON call per URL, listed and analysed. */
async function listOf(urls: string[]) {
  const panel = setupPanel();
  panel.renderIn(<App />);
  act(() => {
    for (const url of urls) panel.source.emit(harEntry({ url, status: 200, headers: J }), { text: '{}' });
  });
  await waitFor(() =>
    expect(panel.store.getState().rows.filter((r) => r.analysis)).toHaveLength(urls.length),
  );
  return panel;
}

const nameCells = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-id'))
    .map((r) => r.querySelector<HTMLElement>('[role="gridcell"].name')!);

describe("the request list's Name reads decoded, and only where that is safe", () => {
  it('shows %20 and UTF-8 escapes decoded, path and query, the tooltip keeping the URL as recorded', async () => {
    await listOf([
      'https://api.example.com/items/Another%20Test',
      'https://api.example.com/caf%C3%A9?q=m%C3%BCnchen%20nord&x=a%26b',
    ]);
    const cells = nameCells();
    expect(cells.map((c) => c.textContent)).toEqual(['Another Test', 'café?q=münchen nord&x=a%26b']);
    expect(cells.map((c) => c.title)).toEqual([
      'https://api.example.com/items/Another%20Test',
      'https://api.example.com/caf%C3%A9?q=m%C3%BCnchen%20nord&x=a%26b',
    ]);
  });

  it.each(HOSTILE)('never shows %s decoded', async (segment) => {
    await listOf([`https://api.example.com/api/${segment}?v=${segment}`]);
    const [cell] = nameCells();
    expect(cell!.textContent).toBe(`${segment}?v=${segment}`);
    expect(cell!.textContent).not.toMatch(UNSAFE);
  });

  it('finds a row by its name as shown or as recorded', async () => {
    await listOf(['https://api.example.com/items/caf%C3%A9', 'https://api.example.com/items/other']);
    const box = screen.getByRole('combobox', { name: 'Filter requests' });
    for (const query of ['café', 'caf%c3%a9', 'items/café']) {
      fireEvent.change(box, { target: { value: query } });
      await waitFor(() => expect(nameCells().map((c) => c.textContent)).toEqual(['café']));
    }
  });

  it('sorts by the name as shown', async () => {
    // Recorded, `%C3%A9t%C3%A9` sorts before `ami`; shown, `été` comes after it.
    await listOf(['https://api.example.com/%C3%A9t%C3%A9', 'https://api.example.com/ami']);
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(nameCells().map((c) => c.textContent)).toEqual(['ami', 'été']);
  });

  it('a copy of rows gives each name as recorded; a part of one as shown', async () => {
    await listOf(['https://api.example.com/items/Another%20Test']);
    const grid = screen.getByRole('grid', { name: 'Requests' });
    const [cell] = nameCells();
    expect(copy(grid, cell!)).toEqual({ text: 'Another%20Test', prevented: true });
    const text = cell!.querySelector('[data-recorded]')!.firstChild!;
    expect(copy(grid, text, 0, 7)).toEqual({ text: undefined, prevented: false });
  });
});

describe("the OpenAPI coverage view's undocumented paths read decoded, and only where that is safe", () => {
  const PET = 'http://127.0.0.1:8080/api/v3';

  async function coverageOf(paths: string[]) {
    const panel = setupPanel();
    panel.renderIn(<App />);
    act(() => {
      for (const path of paths)
        panel.source.emit(harEntry({ url: `${PET}${path}`, status: 404, headers: J }), { text: '{}' });
    });
    await waitFor(() =>
      expect(panel.store.getState().rows.filter((r) => r.analysis)).toHaveLength(paths.length),
    );
    await act(() =>
      panel.contracts.put({
        name: 'petstore.yaml',
        text: readFileSync(resolve(OPENAPI_FIXTURES, 'petstore-3.0.yaml'), 'utf8'),
        baseUrl: PET,
      }),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // Routes first; coverage is the switch's other side.
    fireEvent.click(await screen.findByRole('button', { name: 'Coverage' }));
    const region = await screen.findByRole('region', { name: 'OpenAPI coverage' });
    const undocumented = await within(region).findByRole('region', { name: 'Undocumented operations' });
    // The body's rows: the table's header row (UI review finding 6) names the columns.
    const body = () => within(undocumented).getAllByRole('row').slice(1);
    await waitFor(() => expect(body()).toHaveLength(paths.length));
    const cells = body().map((r) => within(r).getAllByRole('cell')[0]!);
    return { region, cells };
  }

  it('shows %20 and UTF-8 escapes decoded, the tooltip and a copy keeping the path as recorded', async () => {
    const { region, cells } = await coverageOf(['/Another%20Test', '/caf%C3%A9']);
    expect(cells.map((c) => c.textContent).sort()).toEqual(['GET /Another Test', 'GET /café']);
    const another = cells.find((c) => c.textContent!.includes('Another'))!;
    expect(another).toHaveAttribute('title', 'GET /Another%20Test');
    expect(copy(region, another)).toEqual({ text: 'GET /Another%20Test', prevented: true });
  });

  it('never shows a bidi override, newline, invalid byte or %2F decoded', async () => {
    const { region, cells } = await coverageOf(HOSTILE.map((s) => `/${s}`));
    expect(cells.map((c) => c.textContent).sort()).toEqual(HOSTILE.map((s) => `GET /${s}`).sort());
    expect(region.textContent).not.toMatch(UNSAFE);
  });
});
