// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { listColumns, NAME_AT_500 } from '../../../src/surfaces/panel/list-columns';
import { harEntry } from '../../helpers/har';
import { dockedAt, setupPanel } from '../../helpers/panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const px = (track: string) => Number(/(\d+)px/.exec(track)![1]);
const tracks = (template: string) => template.match(/minmax\([^)]*\)|\S+/g)!;

describe('docked to the side, the list gives Name the room (#2)', () => {
  it('at 500 px: #, Status, Method, Name and Findings, Name the widest by far whatever the list holds', () => {
    for (const serverStatus of [false, true])
      for (const lastNumber of [1, 999, 9_999]) {
        const { columns, template } = listColumns(500, { serverStatus, lastNumber });
        expect(columns.map((c) => c.id)).toEqual(['seq', 'status', 'method', 'name', 'findings']);
        const [seq, status, method, name, findings] = tracks(template);
        expect(name).toBe('minmax(120px, 1fr)');
        const rest = 500 - px(seq!) - px(status!) - px(method!) - px(findings!);
        expect(rest).toBeGreaterThanOrEqual(NAME_AT_500);
        expect(rest).toBeGreaterThan(px(status!) + px(method!));
      }
    // Status widens only for a blocked request with the status the server sent ("(failed) 404 ?"),
    // # only for more digits.
    const at500 = (serverStatus: boolean, lastNumber: number) =>
      tracks(listColumns(500, { serverStatus, lastNumber }).template);
    expect(px(at500(false, 5)[1]!)).toBeLessThan(px(at500(true, 5)[1]!));
    expect(at500(false, 5)[0]).toBe(at500(false, 999)[0]);
    expect(px(at500(false, 999)[0]!)).toBeLessThan(px(at500(false, 12_345)[0]!));
  });

  it('wide, the columns keep their widths', () => {
    expect(listColumns(1400, { serverStatus: true, lastNumber: 12_345 }).template).toBe(
      '48px 92px 110px 70px minmax(80px, 3fr) minmax(130px, 1fr) 80px 72px 70px 64px',
    );
  });

  it('the list follows: a blocked row widens Status, and only then', async () => {
    dockedAt(500);
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    const headers = { 'Content-Type': 'application/json' };
    act(() =>
      source.emit(harEntry({ url: 'https://api.example.com/a', status: 200, headers }), { text: '{}' }),
    );
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    const template = () => screen.getAllByRole('row')[0]!.style.gridTemplateColumns;
    expect(template()).toBe(listColumns(500, { serverStatus: false, lastNumber: 1 }).template);
    act(() =>
      source.emit(
        harEntry({ url: 'https://api.example.com/b', status: 404, headers, error: 'net::ERR_FAILED' }),
        { text: '{}' },
      ),
    );
    await waitFor(() =>
      expect(template()).toBe(listColumns(500, { serverStatus: true, lastNumber: 2 }).template),
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '# ▲',
      'Status',
      'Method',
      'Name',
      'Findings',
    ]);
  });
});

describe('docked to the side, the ⋯ menu never takes a toolbar row of its own (#1)', () => {
  it('ends the search’s row, and the record button is its dot alone', () => {
    dockedAt(500);
    const { renderIn } = setupPanel();
    renderIn(<App />);
    const more = screen.getByRole('button', { name: 'More filters and options' });
    const row = more.closest('.search-row');
    // One flex item: the menu wraps with the search, never apart from it.
    expect(row?.parentElement).toBe(screen.getByRole('toolbar', { name: 'Capture and filters' }));
    expect(row).toContainElement(screen.getByRole('combobox', { name: 'Filter requests' }));
    const record = screen.getByRole('button', { name: 'Recording' });
    expect(record).toHaveTextContent(/^●$/);
    expect(record).toHaveAttribute('aria-pressed', 'true');
  });

  it('wide, the toggles are in the toolbar itself and the record button says what it is', () => {
    dockedAt(1400);
    const { renderIn } = setupPanel();
    renderIn(<App />);
    expect(document.querySelector('.search-row')).toBeNull();
    expect(screen.getByRole('button', { name: '● Recording' })).toBeInTheDocument();
  });
});
