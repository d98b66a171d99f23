// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import type { Analysis } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from './render';

afterEach(cleanup);

const analyse = (ex: Exchange): Analysis => analyzeExchange(ex, activeRules({ profiles: [], rules: {} }));

const problem422 = (id = 'a') => ({
  ...makeExchange({
    method: 'POST',
    status: 422,
    headers: { 'Content-Type': 'application/problem+json' },
    body: {
      type: 'https://api.example.com/probs/validation',
      title: 'Your request is not valid',
      detail: 'Two fields failed validation',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: '<b>must</b> be an email', pointer: '#/email' },
      ],
    },
  }),
  id,
});

/** Whether `a` comes before `b` in the document. */
const before = (a: Element, b: Element) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('Overview, most specific first (#16 point 1)', () => {
  it('leads with what the server said, then findings, then hints, then the catalogue entry', () => {
    const ex = makeExchange({
      status: 429,
      headers: { 'Retry-After': '30', 'Content-Type': 'application/json' },
      body: { error: 'rate_limited', message: 'Slow down: 100 requests per minute' },
    });
    renderDetail(ex, { analysis: analyse(ex) });
    const said = screen.getByRole('region', { name: 'What the server said' });
    expect(within(said).getByText('rate_limited')).toBeInTheDocument();
    expect(within(said).getByText('Slow down: 100 requests per minute')).toBeInTheDocument();
    const findings = screen.getByRole('region', { name: 'Findings' });
    const hints = screen.getByRole('region', { name: 'Hints' });
    expect(within(hints).getByText(/Retry in 30 s/)).toBeInTheDocument();
    const about = screen.getByRole('region', { name: 'Status explanation' });
    expect(within(about).getByText('About 429 Too Many Requests')).toBeInTheDocument();
    expect(before(said, findings)).toBe(true);
    expect(before(findings, hints)).toBe(true);
    expect(before(hints, about)).toBe(true);
  });

  it('lists a validation errors[] with its pointers, as text (markup stays text)', () => {
    const ex = problem422();
    const { container } = renderDetail(ex, { analysis: analyse(ex) });
    const said = screen.getByRole('region', { name: 'What the server said' });
    expect(within(said).getByText(/Problem Details/)).toBeInTheDocument();
    expect(within(said).getByText('Your request is not valid')).toBeInTheDocument();
    const items = within(said).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '#/age must be a positive integer',
      '#/email <b>must</b> be an email',
    ]);
    expect(container.querySelector('.server-said b')).toBeNull();
  });

  it('shows no "What the server said" when the body says nothing about an error', () => {
    const ex = makeExchange({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: { id: 1 },
    });
    renderDetail(ex, { analysis: analyse(ex) });
    expect(screen.queryByRole('region', { name: 'What the server said' })).toBeNull();
  });

  it('lists findings worst first', () => {
    const src = { label: 'RFC 9110', url: 'https://www.rfc-editor.org/rfc/rfc9110' };
    renderDetail(makeExchange({ status: 500 }), {
      analysis: {
        findings: [
          { rule: 'x/info', severity: 'info', message: 'an info', source: src },
          { rule: 'x/error', severity: 'error', message: 'an error', source: src },
          { rule: 'x/warning', severity: 'warning', message: 'a warning', source: src },
        ],
        problems: [],
      },
    });
    const items = within(screen.getByRole('region', { name: 'Findings' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.rule-id')?.textContent)).toEqual([
      'x/error',
      'x/warning',
      'x/info',
    ]);
  });

  it('opens the catalogue entry the first time a code is seen, then collapses it under "About …"', () => {
    const first = problem422('first');
    const { store } = renderDetail(first, { analysis: analyse(first) });
    const details = () =>
      screen
        .getByRole('region', { name: 'Status explanation' })
        .querySelector('details') as HTMLDetailsElement;
    expect(details().open).toBe(true);
    expect(store.getState().seenCodes['422']).toBe(true);
    const second = problem422('second');
    act(() => {
      store.getState().addRows([{ exchange: second, analysis: analyse(second) }]);
      store.getState().select('second');
    });
    expect(details().open).toBe(false);
    expect(
      within(screen.getByRole('region', { name: 'Status explanation' })).getByText(
        'About 422 Unprocessable Content',
      ),
    ).toBeInTheDocument();
    // A code not seen before opens again.
    const other = { ...makeExchange({ status: 404 }), id: 'other' };
    act(() => {
      store.getState().addRows([{ exchange: other }]);
      store.getState().select('other');
    });
    expect(details().open).toBe(true);
    fireEvent.click(screen.getByText('About 404 Not Found'));
  });

  it('leads a failed request with its specific network error, not the generic "no response"', () => {
    const ex = makeExchange({ status: 0, failure: 'net::ERR_CONNECTION_REFUSED' });
    renderDetail(ex, { analysis: { findings: [], problems: [] } });
    const lead = screen.getByRole('region', { name: 'Network error' });
    expect(within(lead).getByRole('heading', { name: /net::ERR_CONNECTION_REFUSED/ })).toBeInTheDocument();
    const overview = lead.closest('.overview')!;
    expect(overview.firstElementChild).toBe(lead);
    expect(
      within(screen.getByRole('region', { name: 'Status explanation' })).getByText(
        /About net::ERR_CONNECTION_REFUSED/,
      ),
    ).toBeInTheDocument();
  });

  it('names status 0 by its code under "About", as `status-lens explain 0` heads it', () => {
    renderDetail(makeExchange({ status: 0 }), { analysis: { findings: [], problems: [] } });
    const about = screen.getByRole('region', { name: 'Status explanation' });
    expect(within(about).getByText('About Status 0: No Response')).toBeInTheDocument();
  });

  it('renders backticked names in catalogue text as inline code, without the backticks', () => {
    renderDetail(makeExchange({ status: 100 }), { analysis: { findings: [], problems: [] } });
    const about = screen.getByRole('region', { name: 'Status explanation' });
    expect(about.textContent).not.toContain('`');
    expect(within(about).getByText('Expect: 100-continue').tagName).toBe('CODE');
  });
});
