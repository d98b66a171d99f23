// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

/**
 * The table's body rows. Read with a selector: role queries over the whole catalogue (about 300
 * rows since it covers every Chromium net error) take seconds in jsdom.
 */
const codeRows = () => [
  ...screen.getByRole('region', { name: 'Status codes' }).querySelectorAll<HTMLElement>('tbody tr'),
];

describe('the Codes view', () => {
  it('lists the whole catalogue and searches by code or words', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Codes' }));
    expect(codeRows().length).toBeGreaterThan(100);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search status codes' }), {
      target: { value: '429' },
    });
    expect(codeRows()).toHaveLength(1);
    // A single match opens its full explanation.
    expect(screen.getByText('Too Many Requests')).toBeInTheDocument();
    expect(screen.getByText('What to do')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search status codes' }), {
      target: { value: 'cloudflare' },
    });
    expect(codeRows().length).toBeGreaterThan(5);
    // A hyphen parts words as a space does, as in `status-lens explain not-found`.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search status codes' }), {
      target: { value: 'not-found' },
    });
    expect(codeRows()[0]!.textContent).toMatch(/^404Not Found/);
  });

  it('filters by family, including failed requests', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Codes' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Family' })).getByRole('button', { name: 'failed' }),
    );
    const texts = codeRows().map((r) => r.textContent ?? '');
    expect(texts.some((t) => t.includes('net::ERR_CONNECTION_REFUSED'))).toBe(true);
    expect(texts.some((t) => t.startsWith('404'))).toBe(false);
    // A long net error's name may break after its underscores, with nothing added to its text.
    const code = screen.getByRole('button', { name: 'net::ERR_CONNECTION_REFUSED' });
    expect(code.textContent).toBe('net::ERR_CONNECTION_REFUSED');
    expect(code.querySelectorAll('wbr')).toHaveLength(2);
  });

  it('opens from a request row on that row’s status', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() =>
      source.emit(
        harEntry({ url: 'https://a.io/x', status: 503, headers: { 'Content-Type': 'application/json' } }),
        { text: '{}' },
      ),
    );
    const button = await screen.findByRole('button', { name: 'Explain 503' });
    fireEvent.click(button);
    expect(codeRows()).toHaveLength(1);
    expect(codeRows()[0]).toHaveTextContent('Service Unavailable');
  });
});
