// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import type { Analysis, Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from './render';

afterEach(cleanup);

const src = { label: 'RFC 9110 §15', url: 'https://www.rfc-editor.org/rfc/rfc9110' };
const finding = (f: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'message'>): Finding => ({
  source: src,
  ...f,
});

describe('Overview tab', () => {
  it('explains a 429 and turns Retry-After into a concrete hint', () => {
    renderDetail(makeExchange({ status: 429, headers: { 'Retry-After': '120' } }), {
      analysis: { findings: [], problems: [] },
    });
    const explanation = screen.getByRole('region', { name: 'Status explanation' });
    expect(within(explanation).getByRole('heading', { name: /429 Too Many Requests/ })).toBeInTheDocument();
    expect(within(explanation).getByText('Registered with IANA')).toBeInTheDocument();
    expect(within(explanation).getByRole('link', { name: /RFC 6585/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^https:\/\//),
    );
    expect(
      within(explanation).getByText(/Retry after the time the server gives|Retry with/),
    ).toBeInTheDocument();
    const hints = screen.getByRole('region', { name: 'Hints' });
    expect(within(hints).getByText(/Retry in 120 s/)).toBeInTheDocument();
    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });

  it('words the retry advice as status-lens explain does (#13 item 10)', () => {
    renderDetail(makeExchange({ status: 400 }), { analysis: { findings: [], problems: [] } });
    const explanation = screen.getByRole('region', { name: 'Status explanation' });
    expect(within(explanation).getByText('Retry only after fixing the request.')).toBeInTheDocument();
  });

  it('says "Analysing…" until the analysis arrives', () => {
    const { store } = renderDetail(makeExchange({ status: 200 }));
    expect(screen.getByText('Analysing…')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Headers' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(store.getState().detailTab).toBe('overview');
  });

  it('lists findings worst first with rule, message and source link', () => {
    const analysis: Analysis = {
      findings: [
        finding({ rule: 'http/date', severity: 'info', message: 'No Date header' }),
        finding({ rule: 'body/soft-error', severity: 'error', message: '200 with an error body' }),
        finding({ rule: 'http/retry-after', severity: 'warning', message: 'No Retry-After' }),
      ],
      problems: [{ rule: 'x/broken', message: 'threw TypeError' }],
    };
    renderDetail(makeExchange({ status: 200 }), {
      analysis,
      bodyNote: 'Body of 9 MB is over the 5 MB cap: analysed by headers only.',
    });
    const items = within(screen.getByRole('region', { name: 'Findings' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual([
      'body/soft-error',
      'http/retry-after',
      'http/date',
      'x/broken',
    ]);
    expect(within(items[0]!).getByText('error')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link', { name: 'RFC 9110 §15' })).toHaveAttribute('href', src.url);
    expect(screen.getByText(/over the 5 MB cap/)).toBeInTheDocument();
    expect(screen.getByText(/threw TypeError/)).toBeInTheDocument();
  });

  it('opens the Body tab and reveals the member when a finding with a pointer is clicked', () => {
    const body = { data: { items: [{ id: 1 }, { id: 2, error: 'boom' }] }, meta: 1 };
    const analysis: Analysis = {
      findings: [
        finding({
          rule: 'body/soft-error',
          severity: 'error',
          message: 'error member in a 200',
          pointer: '/data/items/1/error',
        }),
      ],
      problems: [],
    };
    const { store } = renderDetail(
      makeExchange({ status: 200, headers: { 'Content-Type': 'application/json' }, body }),
      { analysis },
    );
    fireEvent.click(screen.getByRole('button', { name: /error member in a 200/ }));
    expect(store.getState().detailTab).toBe('body');
    expect(store.getState().focusPointer).toBe('/data/items/1/error');
    expect(screen.getByRole('tab', { name: 'Body' })).toHaveAttribute('aria-selected', 'true');
    const revealed = screen.getByRole('treeitem', { current: 'location' });
    expect(revealed).toHaveAttribute('data-pointer', '/data/items/1/error');
    expect(revealed).toHaveTextContent('error: "boom"');
  });

  it('names the empty pointer as the reports do: the top level of the body', () => {
    const analysis: Analysis = {
      findings: [
        finding({ rule: 'hal/resource-root', severity: 'error', message: 'body is an array', pointer: '' }),
        finding({
          rule: 'hal/link-shape',
          severity: 'error',
          message: 'link is a string',
          pointer: '/_links/self',
        }),
      ],
      problems: [],
    };
    renderDetail(
      makeExchange({ status: 200, headers: { 'Content-Type': 'application/hal+json' }, body: [1] }),
      {
        analysis,
      },
    );
    expect(screen.getByRole('button', { name: /body is an array/ })).toHaveTextContent(
      'body is an array → the top level of the body',
    );
    expect(screen.getByRole('button', { name: /link is a string/ })).toHaveTextContent(
      'link is a string → /_links/self',
    );
  });

  it('explains a failed request by its network error', () => {
    renderDetail(makeExchange({ status: 0, failure: 'net::ERR_CONNECTION_REFUSED' }), {
      analysis: { findings: [], problems: [] },
    });
    const net = screen.getByRole('region', { name: 'Network error' });
    expect(within(net).getByRole('heading', { name: /ERR_CONNECTION_REFUSED/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  });

  it('copes with an unknown network error name and a missing one', () => {
    renderDetail(makeExchange({ status: 0, failure: 'net::ERR_SOMETHING_NEW' }));
    expect(screen.getByText(/which the catalogue does not describe/)).toBeInTheDocument();
    cleanup();
    renderDetail(makeExchange({ status: 0 }));
    expect(screen.getByText(/No network error name was recorded/)).toBeInTheDocument();
  });

  it('shows profile notes only for enabled profiles', () => {
    const settings = defaultSettings();
    settings.profiles = ['envelope'];
    renderDetail(makeExchange({ status: 202 }), { settings });
    expect(screen.getByText('JSON envelope')).toBeInTheDocument();
    expect(screen.queryByText('HAL')).toBeNull();
  });

  it('shows a server reason phrase that differs from the registry', () => {
    renderDetail(makeExchange({ status: 422, statusText: 'Unprocessable Entity' }));
    expect(screen.getByText(/The server's reason phrase: “Unprocessable Entity”/)).toBeInTheDocument();
  });

  it('shows a placeholder when nothing is selected', () => {
    const { store } = renderDetail(makeExchange());
    act(() => store.getState().select(null));
    expect(screen.getByText(/Select a request/)).toBeInTheDocument();
  });

  it('says a CORS-blocked failure once: the network error leads, the hints add only the cause', () => {
    const ex = {
      ...makeExchange({
        status: 0,
        failure: 'net::ERR_FAILED',
        requestHeaders: { Origin: 'http://localhost:6274' },
        headers: { 'Content-Type': 'application/json' },
      }),
      serverStatus: 404,
    };
    renderDetail(ex, { analysis: { findings: [], problems: [] } });
    const error = screen.getByRole('region', { name: 'Network error' });
    expect(error).toHaveTextContent('server sent 404');
    expect(error).toHaveTextContent(/usually a CORS check/);
    const hints = screen.getByRole('region', { name: 'Hints' });
    expect(hints).toHaveTextContent(/no Access-Control-Allow-Origin header/);
    // Not again: the network error above says both, and "About" gives the retry advice.
    expect(hints).not.toHaveTextContent(/The server answered 404/);
    expect(hints).not.toHaveTextContent(/net::ERR_FAILED/);
  });
});
