// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { harEntry } from '../../helpers/har';
import { answered, setupResendPanel } from '../../helpers/resend';

/*
 * Issue #19 in the panel, against the port fakes: resend from a row, edit and resend, the capture
 * linked to its original and shown side by side, and any two rows compared.
 */

const ORDERS = 'https://api.example.com/orders';

/** The page's POST that failed validation: 422, a JSON body without Content-Type (a finding). */
function order422() {
  const entry = harEntry({
    method: 'POST',
    url: ORDERS,
    status: 422,
    text: '{"error":"quantity is required"}',
  });
  (entry.request as Record<string, unknown>).postData = {
    mimeType: 'application/json',
    text: '{"item":"book"}',
  };
  entry.request.headers.push(
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Cookie', value: 'sid=1' },
  );
  return entry;
}

const created = () =>
  harEntry({
    method: 'POST',
    url: ORDERS,
    status: 201,
    headers: { 'Content-Type': 'application/json', Location: '/orders/1' },
    text: '{"id":1,"item":"book","quantity":2}',
  });

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
/** The row whose text or full URL (the Name cell's title) holds `text`. */
const rowWith = (text: string) =>
  dataRows().find((r) =>
    `${r.textContent} ${r.querySelector('[title^="http"]')?.getAttribute('title')}`.includes(text),
  )!;

async function analysedRows(n: number) {
  await waitFor(() => {
    expect(dataRows()).toHaveLength(n);
    for (const r of dataRows()) expect(r.textContent).not.toContain('…');
  });
}

describe('edit and resend, then verify side by side', { timeout: 20_000 }, () => {
  it('resends a 422 with an edited body and shows the 201 beside it, finding resolved', async () => {
    const p = setupResendPanel((request, panel) => {
      // The page's fetch answers and DevTools captures it, as in the browser.
      panel.source.emit(created(), { text: '{"id":1,"item":"book","quantity":2}' });
      return answered(request, 201);
    });
    p.renderApp();
    act(() => p.source.emit(order422(), { text: '{"error":"quantity is required"}' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend…' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit and resend' });
    // Modal: Tab from its last control wraps to its first, Shift+Tab from the first to the last.
    // Its footer's buttons come last.
    const buttons = within(dialog)
      .getAllByRole('button')
      .filter((el) => !(el as HTMLButtonElement).disabled);
    const [first, last] = [within(dialog).getByLabelText('Method'), buttons[buttons.length - 1]!];
    expect(first).toHaveFocus();
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(last).toHaveFocus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(first).toHaveFocus();
    // Not idempotent: said, and a key offered.
    expect(within(dialog).getByRole('alert')).toHaveTextContent('POST is not idempotent');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add an Idempotency-Key' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('An Idempotency-Key header is set.');
    // The Cookie header is folded with the others the browser sets, not an editable row.
    expect(within(dialog).queryByLabelText('Send Cookie')).toBeNull();
    expect(within(dialog).getByText('Not sent by the browser (1)')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Headers not sent' })).toHaveTextContent('Cookie: sid=1');
    fireEvent.change(within(dialog).getByLabelText('Request body'), {
      target: { value: '{"item":"book","quantity":2}' },
    });
    expect(within(dialog).getByText('Valid JSON.')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(p.requester.sent).toHaveLength(1));
    const sent = p.requester.sent[0]!;
    expect(sent.body).toBe('{"item":"book","quantity":2}');
    expect(sent.credentials).toBe('include');
    expect(sent.headers.map(([n]) => n)).toEqual(['Idempotency-Key', 'Content-Type']);
    expect(sent.headers[0]![1]).toMatch(/^[0-9a-f-]{36}$/);

    const cmp = await screen.findByRole('region', { name: 'Comparison' });
    await waitFor(() => expect(within(cmp).getByRole('region', { name: 'Findings' })).toBeInTheDocument());
    expect(within(cmp).getByRole('region', { name: 'Status' })).toHaveTextContent(/422\s*→\s*201/);
    const findings = within(cmp).getByRole('region', { name: 'Findings' });
    expect(findings.querySelector('.findings-resolved')).toHaveTextContent('body/missing-content-type');
    expect(findings.querySelector('.findings-new')).not.toHaveTextContent('body/missing-content-type');
    const body = within(cmp).getByRole('region', { name: 'Body' });
    expect(body).toHaveTextContent('removed/error');
    expect(body).toHaveTextContent('added/quantity');
    // The resent row is listed like any capture, and selected.
    expect(dataRows()).toHaveLength(2);
    expect(rowWith('201')).toHaveAttribute('aria-selected', 'true');
  });

  it('the headers the browser sets fold under one line with one explanation; the sent ones come first', async () => {
    // UI review finding 12: a captured POST showed ~12 struck-through headers, each with its own
    // "Not sent: a forbidden request header…" line, and the 4 sent ones were lost among them.
    const p = setupResendPanel();
    p.renderApp();
    const entry = order422();
    const browserSet = [
      ['Accept-Encoding', 'gzip, deflate, br'],
      ['Connection', 'keep-alive'],
      ['Content-Length', '15'],
      ['Host', 'api.example.com'],
      ['Origin', 'https://app.example.com'],
      ['Referer', 'https://app.example.com/'],
      ['Sec-Fetch-Dest', 'empty'],
      ['Sec-Fetch-Mode', 'cors'],
      ['Sec-Fetch-Site', 'same-site'],
      ['User-Agent', 'Chromium'],
      ['sec-ch-ua', '"Chromium";v="156"'],
    ];
    entry.request.headers.unshift(...browserSet.map(([name, value]) => ({ name: name!, value: value! })));
    entry.request.headers.push(
      { name: 'Authorization', value: 'Bearer t' },
      { name: 'Accept', value: '*/*' },
    );
    act(() => p.source.emit(entry, { text: '{}' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend…' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit and resend' });
    const headers = within(dialog).getByRole('group', { name: 'Headers' });
    // The sent ones are the editable rows, on top, in their recorded order.
    const names = within(headers)
      .getAllByLabelText(/^Header \d+ name$/)
      .map((i) => (i as HTMLInputElement).value);
    expect(names).toEqual(['Content-Type', 'Authorization', 'Accept']);
    // The rest: one folded line, counted, with one explanation, not one "Not sent" each.
    const fold = within(headers).getByText('Not sent by the browser (12)').closest('details')!;
    expect(fold).not.toHaveAttribute('open');
    expect(within(headers).queryAllByText(/Not sent: a forbidden request header/)).toHaveLength(0);
    expect(within(fold).getAllByRole('note')).toHaveLength(1);
    expect(within(fold).getAllByRole('listitem')).toHaveLength(12);
    // Each keeps its own reason as a tooltip.
    expect(within(fold).getByText('Host: api.example.com')).toHaveAttribute(
      'title',
      'Not sent: a forbidden request header: only the browser sets it.',
    );
    // A header typed into a forbidden name keeps its row, with its own note, under the cursor.
    fireEvent.click(within(headers).getByRole('button', { name: 'Add header' }));
    const added = within(headers)
      .getAllByLabelText(/^Header \d+ name$/)
      .at(-1)!;
    fireEvent.change(added, { target: { value: 'Host' } });
    expect(
      within(headers)
        .getAllByLabelText(/^Header \d+ name$/)
        .at(-1),
    ).toHaveValue('Host');
    expect(within(headers).getByText(/^Not sent: a forbidden request header/)).toBeInTheDocument();
    // What is sent: only the sendable ones.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add an Idempotency-Key' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(p.requester.sent).toHaveLength(1));
    expect(p.requester.sent[0]!.headers.map(([n]) => n)).toEqual([
      'Idempotency-Key',
      'Content-Type',
      'Authorization',
      'Accept',
    ]);
  });

  it('JSON with a syntax error cannot be sent, and the error names the place', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(order422(), { text: '{}' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Request body'), { target: { value: '{"item":}' } });
    expect(within(dialog).getByRole('list', { name: 'Problems' })).toHaveTextContent(
      /Not valid JSON at line 1, column 9/,
    );
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(p.requester.sent).toEqual([]);
  });

  it('a request whose body was not captured says so and lets the user write one', async () => {
    const p = setupResendPanel();
    p.renderApp();
    const entry = harEntry({
      method: 'PUT',
      url: ORDERS + '/1',
      status: 500,
      requestHeaders: { 'Content-Length': '12' },
    });
    act(() => p.source.emit(entry, { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    // Resend (not "edit"): the missing body is worth a stop.
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/body was not captured/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Request body'), { target: { value: 'name=x' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(p.requester.sent[0]?.body).toBe('name=x'));
  });

  it('edits the query through its own table', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}?page=1&size=10`, status: 400 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Query parameter 2 value'), { target: { value: '50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove query parameter page' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(p.requester.sent[0]?.url).toBe(`${ORDERS}?size=50`));
  });
});

describe('resend from the row', { timeout: 20_000 }, () => {
  it('a row imported from a HAR warns that the inspected page will see what it sends', async () => {
    const p = setupResendPanel();
    p.renderApp();
    const exchange = makeExchange({
      url: `${ORDERS}/9`,
      resourceType: 'fetch',
      requestHeaders: { Authorization: 'Bearer abc' },
    });
    exchange.id = 'imported-1';
    act(() => p.store.getState().addRows([{ exchange, imported: true }]));
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend…' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('comes from an imported HAR file');
  });

  it('R resends a GET at once; the context menu offers resend and compare', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 404 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'r' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(p.requester.sent).toHaveLength(1));
    expect(p.requester.sent[0]).toMatchObject({ method: 'GET', url: `${ORDERS}/1` });
    fireEvent.contextMenu(dataRows()[0]!);
    const menu = screen.getByRole('menu', { name: 'Request actions' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual(['Resend', 'Edit and resend…', 'Mark for comparison']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Edit and resend…' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('R on a POST asks first instead of sending', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(order422(), { text: '{}' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'r' });
    expect(screen.getByRole('dialog')).toHaveTextContent('POST is not idempotent');
    expect(p.requester.sent).toEqual([]);
  });

  it('a resend whose capture never arrives says so, with what the page got', async () => {
    const p = setupResendPanel((request) => answered(request, 204));
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 404 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    await waitFor(() => expect(screen.getByText(/no capture arrived/)).toHaveTextContent('the page got 204'));
  });

  it('an unreachable target is captured as failed and explained beside the original', async () => {
    const p = setupResendPanel((request, panel) => {
      panel.source.emit(harEntry({ url: request.url, status: 0, error: 'net::ERR_CONNECTION_REFUSED' }));
      return { kind: 'error', reason: 'network', message: 'Failed to fetch', startedAt: 0, elapsedMs: 2 };
    });
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 404 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    const cmp = await screen.findByRole('region', { name: 'Comparison' });
    await waitFor(() => expect(cmp).toHaveTextContent('net::ERR_CONNECTION_REFUSED'));
    expect(cmp).toHaveTextContent('The page’s fetch said: Failed to fetch');
    expect(rowWith('failed')).toBeDefined();
  });
});

describe('compare any two rows', { timeout: 20_000 }, () => {
  it('Ctrl/⌘-click marks two rows; Compare shows them side by side', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => {
      for (const [path, text] of [
        ['/1', '{"id":1,"state":"open"}'],
        ['/2', '{"state":"closed","id":2}'],
      ] as const) {
        const headers = { 'Content-Type': 'application/json' };
        p.source.emit(harEntry({ url: ORDERS + path, status: 200, headers, text }), { text });
      }
    });
    await analysedRows(2);
    fireEvent.click(rowWith('/orders/1'), { ctrlKey: true });
    expect(screen.getByText(/1 request marked/)).toBeInTheDocument();
    fireEvent.click(rowWith('/orders/2'), { metaKey: true });
    expect(rowWith('/orders/2')).toHaveClass('marked');
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const cmp = await screen.findByRole('region', { name: 'Comparison' });
    expect(cmp).toHaveTextContent('Two requests side by side');
    await waitFor(() =>
      expect(within(cmp).getByRole('region', { name: 'Body' })).toHaveTextContent('changed/id'),
    );
    expect(within(cmp).getByRole('region', { name: 'Body' })).toHaveTextContent(
      'changed/state"open""closed"',
    );
    fireEvent.click(within(cmp).getByRole('button', { name: 'Close comparison' }));
    expect(screen.queryByRole('region', { name: 'Comparison' })).toBeNull();
    // Open again; selecting a request outside the pair shows that request instead.
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('region', { name: 'Comparison' })).toBeInTheDocument();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/3`, status: 404 }), { text: '' }));
    await analysedRows(3);
    fireEvent.click(rowWith('/orders/3'));
    expect(screen.queryByRole('region', { name: 'Comparison' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Selected request' })).toHaveTextContent('/orders/3');
  });

  it('a cleared list takes its marks and comparison with it', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 200 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!, { ctrlKey: true });
    act(() => p.store.getState().clear());
    expect(p.resendStore.getState().marked).toEqual([]);
    expect(screen.queryByText(/request marked/)).toBeNull();
  });
});

describe('keyboard', { timeout: 20_000 }, () => {
  it('the row menu opens from the keyboard with focus on its first item; arrows move, Escape closes', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 404 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    const menu = screen.getByRole('menu', { name: 'Request actions' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items[0]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(items[1]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(items.at(-1)).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('Shift+R opens the editor on the method; Escape returns to the list', async () => {
    const p = setupResendPanel();
    p.renderApp();
    act(() => p.source.emit(harEntry({ url: `${ORDERS}/1`, status: 404 }), { text: '' }));
    await analysedRows(1);
    fireEvent.click(dataRows()[0]!);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'R', shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Edit and resend' });
    expect(within(dialog).getByLabelText('Method')).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(grid).toHaveFocus();
    expect(p.requester.sent).toEqual([]);
  });
});
