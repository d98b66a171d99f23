// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

// A 1×1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function openBodyOf(path: string) {
  const row = await screen.findByText(path);
  fireEvent.click(row);
  const detail = screen.getByRole('region', { name: 'Selected request' });
  fireEvent.click(within(detail).getByRole('tab', { name: 'Body' }));
  return detail;
}

describe('images in the Body tab', () => {
  it('fetches an image body only when the user looks at it, and shows it as an image', async () => {
    const { renderIn, source, store } = setupPanel();
    const fetches = { count: 0 };
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://a.io/logo.png',
          status: 200,
          mimeType: 'image/png',
          size: 68,
          resourceType: 'fetch',
        }),
        { text: PNG, encoding: 'base64' },
        fetches,
      );
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    // Capture does not read binary bodies up front...
    expect(store.getState().rows[0]!.exchange.body).toMatchObject({
      kind: 'unknown',
      reason: 'binary-not-fetched',
    });
    expect(fetches.count).toBe(0);
    // ...only when the user opens the Body tab.
    const detail = await openBodyOf('logo.png');
    const img = await within(detail).findByRole('img');
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(fetches.count).toBe(1);
  });

  it('never turns an SVG or an undecodable body into an image', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://a.io/pic.svg',
          status: 200,
          mimeType: 'image/svg+xml',
          size: 10,
          resourceType: 'fetch',
        }),
        {
          text: '<svg onload="alert(1)"/>',
        },
      );
      source.emit(
        harEntry({
          url: 'https://a.io/broken.png',
          status: 200,
          mimeType: 'image/png',
          size: 10,
          resourceType: 'fetch',
        }),
        {
          text: '!!not base64!!',
          encoding: 'base64',
        },
      );
    });
    let detail = await openBodyOf('pic.svg');
    expect(within(detail).queryByRole('img')).toBeNull();
    detail = await openBodyOf('broken.png');
    await waitFor(() => expect(within(detail).getByText(/not valid base64/)).toBeInTheDocument());
    expect(within(detail).queryByRole('img')).toBeNull();
  });

  it('holds an image whose size DevTools did not report to the body-size cap when it is read', async () => {
    const settings = defaultSettings();
    settings.capture.bodySizeCap = 40;
    const { renderIn, source } = setupPanel(settings);
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://a.io/unsized.png',
          status: 200,
          mimeType: 'image/png',
          size: -1,
          resourceType: 'fetch',
        }),
        { text: PNG, encoding: 'base64' },
      );
    });
    const detail = await openBodyOf('unsized.png');
    expect(
      await within(detail).findByText('Body of 68 B is over the 40 B cap: analysed by headers only.'),
    ).toBeInTheDocument();
    expect(within(detail).queryByRole('img')).toBeNull();
  });
});
