// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/core/exchange/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { DetailView } from '../../../src/surfaces/panel/detail/DetailView';
import { PanelProvider } from '../../../src/surfaces/panel/panel-context';
import { makeExchange } from '../../helpers/exchange';

afterEach(cleanup);

const URL_ = 'http://192.168.6.218/sanctum/csrf-cookie';

/** The XHR GET Chromium failed with net::ERR_FAILED and no response (Laravel capture, #0). */
function failedGet(): Exchange {
  return {
    ...makeExchange({
      url: URL_,
      status: 0,
      failure: 'net::ERR_FAILED',
      requestHeaders: { Origin: 'http://localhost', 'X-XSRF-TOKEN': 'x' },
      resourceType: 'xhr',
    }),
    id: 'get',
    startedAt: '2025-11-20T10:00:00.010Z',
  };
}

/** Its preflight, listed after it: 204 without Access-Control-Allow-Origin or -Headers. */
function preflight(over: { url?: string; headers?: Record<string, string>; method?: string } = {}): Exchange {
  return {
    ...makeExchange({
      method: 'OPTIONS',
      url: over.url ?? URL_,
      status: 204,
      requestHeaders: {
        Origin: 'http://localhost',
        'Access-Control-Request-Method': over.method ?? 'GET',
        'Access-Control-Request-Headers': 'x-xsrf-token',
      },
      headers: over.headers ?? { Vary: 'Origin' },
      resourceType: 'preflight',
    }),
    id: 'pre',
    startedAt: '2025-11-20T10:00:00.000Z',
  };
}

function show(rows: Exchange[]) {
  const store = createPanelStore({ settings: defaultSettings() });
  store.getState().addRows(rows.map((exchange) => ({ exchange })));
  store.getState().applyAnalyses(rows.map((r) => ({ id: r.id, analysis: { findings: [], problems: [] } })));
  act(() => store.getState().select('get'));
  render(
    <PanelProvider value={store}>
      <DetailView />
    </PanelProvider>,
  );
  return store;
}

describe('a request its CORS preflight refused', () => {
  it('names the preflight, says why it refused, and selects it on a click', () => {
    const store = show([failedGet(), preflight()]);
    const error = screen.getByRole('region', { name: 'Network error' });
    expect(within(error).getByText(/Its CORS preflight refused it/)).toBeInTheDocument();
    expect(within(error).getByText(/no Access-Control-Allow-Origin header/)).toBeInTheDocument();
    expect(
      within(error).getByText(/x-xsrf-token, which Access-Control-Allow-Headers does not allow/),
    ).toBeInTheDocument();
    fireEvent.click(within(error).getByRole('button', { name: /#1 OPTIONS preflight, answered 204/ }));
    expect(store.getState().selectedId).toBe('pre');
  });

  it('says nothing of a preflight that allowed the request, or of one for another URL or method', () => {
    const allowing = {
      'Access-Control-Allow-Origin': 'http://localhost',
      'Access-Control-Allow-Headers': 'x-xsrf-token',
    };
    for (const other of [
      preflight({ headers: allowing }),
      preflight({ url: 'http://192.168.6.218/api/user' }),
      preflight({ method: 'PUT' }),
    ]) {
      show([failedGet(), other]);
      expect(screen.getByRole('region', { name: 'Network error' })).not.toHaveTextContent(/preflight/i);
      cleanup();
    }
  });
});
