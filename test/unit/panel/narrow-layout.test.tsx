// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { listColumns, NAME_MIN_COMPACT } from '../../../src/surfaces/panel/list-columns';
import { harEntry } from '../../helpers/har';
import { dockedAt, setupPanel } from '../../helpers/panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const px = (track: string) => Number(/(\d+)px/.exec(track)![1]);
const tracks = (template: string) => template.match(/minmax\([^)]*\)|\S+/g)!;

describe('docked to the side, the list gives Name the room (#2)', () => {
  it('at 500 px: Status, Method, Name and Findings, Name the widest by far', () => {
    for (const blocked of [false, true]) {
      const { columns, template } = listColumns(500, blocked);
      expect(columns.map((c) => c.id)).toEqual(['status', 'method', 'name', 'findings']);
      const [status, method, name, findings] = tracks(template);
      expect(name).toBe(`minmax(${NAME_MIN_COMPACT}px, 1fr)`);
      const fixed = px(status!) + px(method!) + px(findings!);
      // Name's minimum fits beside the others, and is more than any two of them together.
      expect(fixed + NAME_MIN_COMPACT).toBeLessThanOrEqual(500);
      expect(NAME_MIN_COMPACT).toBeGreaterThan(px(status!) + px(method!));
    }
    // Status widens only for a blocked request with the status the server sent ("(failed) 404 ?").
    expect(px(tracks(listColumns(500, false).template)[0]!)).toBeLessThan(
      px(tracks(listColumns(500, true).template)[0]!),
    );
  });

  it('wide, the columns keep their widths', () => {
    expect(listColumns(1400, false).template).toBe(
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
    expect(template()).toBe(listColumns(500, false).template);
    act(() =>
      source.emit(
        harEntry({ url: 'https://api.example.com/b', status: 404, headers, error: 'net::ERR_FAILED' }),
        { text: '{}' },
      ),
    );
    await waitFor(() => expect(template()).toBe(listColumns(500, true).template));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
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
