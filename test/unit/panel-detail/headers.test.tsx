// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { mockClipboard, renderDetail } from './render';

afterEach(cleanup);

function exchange() {
  const ex = makeExchange({
    method: 'POST',
    url: 'https://api.example.com/orders',
    status: 201,
    statusText: 'Created',
    headers: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Location', value: 'https://api.example.com/orders/7' },
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'Set-Cookie', value: 'b=2' },
    ],
    requestHeaders: { Accept: 'application/json', Authorization: 'Bearer t' },
  });
  ex.serverAddress = '203.0.113.5';
  ex.httpVersion = 'h2';
  ex.resourceType = 'fetch';
  ex.startedAt = '2026-11-22T10:00:07.215Z';
  return ex;
}

describe('Headers tab', () => {
  it('shows general facts, response headers (repeats kept) and request headers', () => {
    const ex = exchange();
    renderDetail(ex, { tab: 'headers' });
    const general = screen.getByRole('region', { name: 'General' });
    for (const text of ['https://api.example.com/orders', 'POST', '203.0.113.5', 'h2', 'fetch']) {
      expect(within(general).getByText(text)).toBeInTheDocument();
    }
    expect(within(general).getByText(/Created/)).toBeInTheDocument();
    // Local date and time, as the list's Started column reads it; the recorded text on hover.
    const started = within(general).getByTitle(`As recorded: ${ex.startedAt}`);
    const at = new Date(ex.startedAt);
    expect(started.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(started.textContent).toContain(
      `${String(at.getMinutes()).padStart(2, '0')}:${String(at.getSeconds()).padStart(2, '0')}.`,
    );
    expect(within(general).getByText('(local time)')).toBeInTheDocument();
    const res = screen.getByRole('region', { name: 'Response headers' });
    expect(within(res).getAllByText('Set-Cookie')).toHaveLength(2);
    expect(within(res).getByText('(4)')).toBeInTheDocument();
    const req = screen.getByRole('region', { name: 'Request headers' });
    expect(within(req).getByText('Authorization')).toBeInTheDocument();
    expect(within(req).getByText('Bearer t')).toBeInTheDocument();
  });

  it('copies a whole section with its one Copy button, with a confirmation; rows have none (#16)', async () => {
    const clip = mockClipboard();
    try {
      renderDetail(exchange(), { tab: 'headers' });
      const res = screen.getByRole('region', { name: 'Response headers' });
      const req = screen.getByRole('region', { name: 'Request headers' });
      expect(within(res).getAllByRole('button')).toHaveLength(1);
      expect(within(req).getAllByRole('button')).toHaveLength(1);
      fireEvent.click(within(req).getByRole('button', { name: 'Copy all request headers' }));
      // #16 copied the section raw. What we copy is redacted by the detectors exports use
      // (product rule), unless "Include secrets" is ticked: copy-redaction.test.tsx.
      await waitFor(() =>
        expect(clip.written[0]).toBe('Accept: application/json\nAuthorization: [REDACTED]'),
      );
      expect(await screen.findByText('Copied request headers (secrets hidden)')).toBeInTheDocument();
    } finally {
      clip.restore();
    }
  });

  it('links an https Location but never a javascript: one', () => {
    renderDetail(exchange(), { tab: 'headers' });
    expect(screen.getByRole('link', { name: 'https://api.example.com/orders/7' })).toHaveAttribute(
      'href',
      'https://api.example.com/orders/7',
    );
    cleanup();
    const evil = makeExchange({
      status: 302,
      headers: { Location: 'javascript:alert(document.cookie)', Refresh: '0;url=javascript:alert(1)' },
    });
    const { container } = renderDetail(evil, { tab: 'headers' });
    expect(screen.getByText('javascript:alert(document.cookie)')).toBeInTheDocument();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('says when there are no headers', () => {
    renderDetail(makeExchange(), { tab: 'headers' });
    expect(screen.getAllByText('None recorded.')).toHaveLength(2);
  });
});
