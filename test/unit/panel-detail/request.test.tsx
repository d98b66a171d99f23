// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from './render';

afterEach(cleanup);

describe('Request tab', () => {
  it('lists decoded query parameters', () => {
    renderDetail(
      makeExchange({ url: 'https://a.example/search?q=caf%C3%A9+au+lait&tag=a&tag=b&empty=&bad=%zz#frag' }),
      { tab: 'request' },
    );
    const table = screen.getByRole('table', { name: 'Query parameters' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['q', 'café au lait'],
      ['tag', 'a'],
      ['tag', 'b'],
      ['empty', '(empty)'],
      ['bad', '%zz'],
    ]);
  });

  it('caps 100,000 parameters with a note', () => {
    const query = Array.from({ length: 100_000 }, (_, i) => `p${i}=${i}`).join('&');
    renderDetail(makeExchange({ url: `https://a.example/?${query}` }), { tab: 'request' });
    const table = screen.getByRole('table', { name: 'Query parameters' });
    expect(within(table).getAllByRole('row')).toHaveLength(501);
    expect(screen.getByText(/99,500 more not shown/)).toBeInTheDocument();
  });

  it('says when there is no query string or body', () => {
    renderDetail(makeExchange(), { tab: 'request' });
    expect(screen.getByText('The URL has no query string.')).toBeInTheDocument();
    expect(screen.getByText('No request body.')).toBeInTheDocument();
  });

  it('pretty-prints a JSON request body and shows hostile text as text', () => {
    const ex = makeExchange({ method: 'POST' });
    ex.requestBody = { mimeType: 'application/json', text: '{"name":"<script>alert(1)</script>","n":1}' };
    const { container } = renderDetail(ex, { tab: 'request' });
    expect(screen.getByText('"name": "<script>alert(1)</script>",')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
  });

  it('shows a form body as a table', () => {
    const ex = makeExchange({ method: 'POST' });
    ex.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: 'user=ada&note=hello+world' };
    renderDetail(ex, { tab: 'request' });
    const table = screen.getByRole('table', { name: 'Form fields' });
    expect(within(table).getByText('hello world')).toBeInTheDocument();
  });
});
