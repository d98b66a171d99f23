// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from './render';

afterEach(cleanup);

const json = (body: unknown) =>
  makeExchange({
    headers: { 'Content-Type': 'application/json' },
    rawBody: { kind: 'text', text: typeof body === 'string' ? body : JSON.stringify(body), size: 1 },
  });

describe('Body tab', () => {
  it('shows a JSON body as a tree', () => {
    renderDetail(json({ user: { name: 'Ada' }, tags: ['a'] }), { tab: 'body' });
    const tree = screen.getByRole('tree', { name: 'Response body' });
    expect(within(tree).getByText('user')).toBeInTheDocument();
    expect(within(tree).getByText('"Ada"')).toBeInTheDocument();
  });

  it('renders a 20,000-level-deep JSON body without throwing', () => {
    const deep = '['.repeat(20_000) + '1' + ']'.repeat(20_000);
    renderDetail(json(deep), { tab: 'body' });
    const tree = screen.getByRole('tree');
    expect(within(tree).getAllByRole('treeitem').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    const rows = within(screen.getByRole('tree')).getAllByRole('treeitem');
    expect(rows.length).toBeLessThan(120);
    expect(rows[1]).toHaveAttribute('data-pointer', '/0');
  });

  it('renders only a window of rows for a 5 MB JSON body', () => {
    const items = Array.from({ length: 75_000 }, (_, i) => ({
      id: i,
      name: `item number ${i}`,
      tags: ['x', 'y'],
      ok: i % 2 === 0,
    }));
    const text = JSON.stringify(items);
    expect(text.length).toBeGreaterThan(5_000_000);
    const { container } = renderDetail(json(text), { tab: 'body' });
    // Only a window is in the document, whatever the body's size: the time-free sign that the
    // 75,000 items were not all rendered (a clock limit here flaked under load).
    const rows = container.querySelectorAll('[role="treeitem"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(120);
  });

  it('shows markup in bodies as text, never as elements', () => {
    const hostile =
      '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const { container } = renderDetail(
      makeExchange({ headers: { 'Content-Type': 'text/html' }, body: hostile }),
      { tab: 'body' },
    );
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img, script, a, iframe')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pretty' }));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img, script, a, iframe')).toBeNull();
  });

  it('shows markup inside JSON strings as text', () => {
    const { container } = renderDetail(
      json({ html: '<img src=x onerror=alert(1)>', s: '<script>alert(1)</script>' }),
      { tab: 'body' },
    );
    expect(screen.getByText('"<img src=x onerror=alert(1)>"')).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('links http(s) strings in JSON but not javascript: ones', () => {
    const body = {
      _links: {
        self: { href: 'https://api.example.com/a' },
        evil: { href: 'javascript:alert(1)' },
        data: { href: 'data:text/html,<b>x</b>' },
      },
    };
    const { container } = renderDetail(json(body), { tab: 'body' });
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getByRole('link', { name: 'https://api.example.com/a' })).toHaveAttribute(
      'href',
      'https://api.example.com/a',
    );
    expect(screen.getByText('"javascript:alert(1)"')).toBeInTheDocument();
    expect(container.querySelectorAll('a')).toHaveLength(1);
  });

  it('switches a JSON body to raw and pretty text', () => {
    renderDetail(json('{"a":[1,2]}'), { tab: 'body' });
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByText('{"a":[1,2]}')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Pretty' }));
    expect(screen.getByText('"a": [')).toBeInTheDocument();
  });

  it('falls back to text for invalid JSON and says why', () => {
    renderDetail(json('{"a": '), { tab: 'body' });
    expect(screen.getByText(/Not valid JSON/)).toBeInTheDocument();
    expect(screen.getByText('{"a":')).toBeInTheDocument();
  });

  it('explains bodies it cannot show', () => {
    const cases: [ReturnType<typeof makeExchange>, RegExp][] = [
      [makeExchange(), /not captured/],
      [
        makeExchange({ rawBody: { kind: 'unknown', reason: 'too-large', size: 9 * 1024 * 1024 } }),
        /9 MiB.*over the size cap/,
      ],
      [
        makeExchange({
          headers: { 'Content-Type': 'image/png' },
          rawBody: { kind: 'unknown', reason: 'binary-not-fetched', size: 2048 },
        }),
        /Binary body of type image\/png \(2 KiB\): not fetched/,
      ],
      [
        makeExchange({
          headers: { 'Content-Type': 'application/pdf' },
          rawBody: { kind: 'binary', size: 5000 },
        }),
        /Binary body of type application\/pdf \(4.9 KiB\)/,
      ],
      [makeExchange({ status: 204, body: null }), /204 responses never carry one/],
      [makeExchange({ status: 0, failure: 'net::ERR_FAILED' }), /request failed/],
    ];
    for (const [ex, text] of cases) {
      renderDetail(ex, { tab: 'body' });
      expect(screen.getByText(text)).toBeInTheDocument();
      cleanup();
    }
  });

  it('shows the body note from capture', () => {
    renderDetail(makeExchange({ rawBody: { kind: 'unknown', reason: 'too-large', size: 10 } }), {
      tab: 'body',
      bodyNote: 'Body of 6 MB is over the 5 MB cap',
    });
    expect(screen.getByText('Body of 6 MB is over the 5 MB cap')).toBeInTheDocument();
  });

  it('shows base64 image data as an image from a data: URL', () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const { container } = renderDetail(
      makeExchange({
        headers: { 'Content-Type': 'image/png' },
        rawBody: { kind: 'text', text: png, size: 68 },
      }),
      { tab: 'body' },
    );
    const img = container.querySelector('img');
    expect(img).not.toBeNull();
    expect(img!.getAttribute('src')).toBe(`data:image/png;base64,${png}`);
  });

  it('does not build a data: URL from text that is not base64 or a type that is not a plain image', () => {
    const { container } = renderDetail(
      makeExchange({ headers: { 'Content-Type': 'image/png' }, body: '"><script>x</script>' }),
      { tab: 'body' },
    );
    expect(container.querySelector('img, script')).toBeNull();
    cleanup();
    const svg = renderDetail(
      makeExchange({ headers: { 'Content-Type': 'image/svg+xml' }, body: 'PHN2Zz48L3N2Zz4=' }),
      { tab: 'body' },
    );
    expect(svg.container.querySelector('img')).toBeNull();
  });
});
