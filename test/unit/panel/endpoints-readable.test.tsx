// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { copySelection } from '../../helpers/copy';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

/** One JSON call per path, then the Endpoints view. */
async function endpointsOf(paths: string[]) {
  const panel = setupPanel();
  panel.renderIn(<App />);
  act(() => {
    for (const path of paths)
      panel.source.emit(
        harEntry({
          url: `https://api.example.com${path}`,
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          resourceType: 'fetch',
        }),
        { text: '{}' },
      );
  });
  await waitFor(() =>
    expect(panel.store.getState().rows.filter((r) => r.analysis)).toHaveLength(paths.length),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
  const region = await screen.findByRole('region', { name: 'Endpoints' });
  await waitFor(() => expect(within(region).getAllByRole('rowheader')).toHaveLength(paths.length));
  return { ...panel, region };
}

/** What each endpoint's button reads: its method and route. */
const routeButtons = (region: HTMLElement) =>
  within(region)
    .getAllByRole('rowheader')
    .map((h) => within(h).getByRole('button').textContent);

describe('Endpoints paths read decoded, and only where that is safe (#3)', () => {
  it('shows %20 and UTF-8 escapes decoded, the tooltip and the click keeping the path as recorded', async () => {
    const { region, store } = await endpointsOf(['/Another%20Test', '/caf%C3%A9/menu']);
    expect(routeButtons(region).sort()).toEqual(['GET /Another Test', 'GET /café/menu']);
    const header = within(region)
      .getAllByRole('rowheader')
      .find((h) => h.textContent?.includes('Another'))!;
    expect(header).toHaveAttribute('title', 'GET /Another%20Test api.example.com');
    fireEvent.click(within(header).getByRole('button'));
    // The search the click makes names the endpoint as recorded, and lists its call.
    expect(store.getState().filter.query).toContain('route:/Another%20Test');
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(1),
    );
  });

  it('never shows a decoded bidi override, newline, control or zero-width character', async () => {
    const { region } = await endpointsOf([
      '/invoice%E2%80%AEfdp.exe',
      '/a%0D%0Ab%00c',
      '/ad%E2%80%8Bmin%20x',
      '/bad%C3',
      '/%3Cimg%20src%3Dx%3E',
    ]);
    const shown = routeButtons(region);
    expect(shown.sort()).toEqual([
      'GET /<img src=x>',
      'GET /a%0D%0Ab%00c',
      'GET /ad%E2%80%8Bmin x',
      'GET /bad%C3',
      'GET /invoice%E2%80%AEfdp.exe',
    ]);
    // No control, zero-width or bidi character anywhere in the view.
    const unsafe = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
    expect(region.textContent).not.toMatch(unsafe);
    // Decoded markup stays text.
    expect(region.querySelector('img')).toBeNull();
  });

  it('a copy of the table gives each route it covers whole as recorded, a part as shown', async () => {
    const { region } = await endpointsOf(['/Another%20Test']);
    const route = region.querySelector<HTMLElement>('.route')!;
    const copy = (node: Node, from?: number, to?: number) => copySelection(route, node, from, to);
    // The whole row's header: method, route as recorded, host.
    expect(copy(route.closest('th')!)).toEqual({
      text: 'GET /Another%20Test api.example.com',
      prevented: true,
    });
    // Part of the route: what the selection shows, as the browser copies it.
    const text = [...route.childNodes].find(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Another'),
    )!;
    expect(copy(text, 0, 3)).toEqual({ text: undefined, prevented: false });
  });
});
