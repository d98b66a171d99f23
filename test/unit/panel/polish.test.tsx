// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings } from '../../../src/core/settings/schema';
import { countOf } from '../../../src/core/text/plural';
import { createOptionsStore } from '../../../src/state/options-store';
import { App as OptionsApp } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';
import { App } from '../../../src/surfaces/panel/App';
import { splitInlineCode } from '../../../src/ui/InlineText';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('polish seen in the same session (#16 point 10)', () => {
  it('writes counts with the right noun, from one helper', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(0, 'entry', 'entries')).toBe('0 entries');
    expect(countOf(1, 'request')).toBe('1 request');
    expect(countOf(2, 'request')).toBe('2 requests');
  });

  it('says "1 request" in the status bar and "1 entry" in the Codes view, and hides the status bar there', async () => {
    const { renderIn, source, store } = setupPanel();
    const { container } = renderIn(<App />);
    act(() => source.emit(harEntry({ url: 'https://a.io/x', status: 200 }), { text: '' }));
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    expect(container.querySelector('.status-bar')).toHaveTextContent(/^1 request$/);
    fireEvent.click(screen.getByRole('tab', { name: 'Codes' }));
    act(() => store.getState().setCodesQuery('418'));
    expect(await screen.findByText('1 entry')).toBeInTheDocument();
    expect(container.querySelector('.status-bar')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    expect(container.querySelector('.status-bar')).not.toBeNull();
  });

  it('tells a paused user to resume, since a reload captures nothing while paused', () => {
    const { renderIn, store } = setupPanel();
    renderIn(<App />);
    expect(screen.getByText(/Reload the page/)).toBeInTheDocument();
    act(() => store.getState().setRecording(false));
    const empty = screen.getByText('Recording is paused.').closest('.empty-state')!;
    expect(empty).toHaveTextContent(/resume recording/);
    expect(empty).not.toHaveTextContent(/Reload the page/);
  });

  it('shows a fetched image without the "not fetched" message above it', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() =>
      source.emit(
        harEntry({
          url: 'https://a.io/logo.png',
          status: 200,
          mimeType: 'image/png',
          size: 68,
          resourceType: 'fetch',
        }),
        { text: PNG, encoding: 'base64' },
      ),
    );
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    act(() => store.getState().select(store.getState().rows[0]!.exchange.id));
    const detail = screen.getByRole('region', { name: 'Selected request' });
    fireEvent.click(within(detail).getByRole('tab', { name: 'Body' }));
    await within(detail).findByRole('img');
    expect(detail).not.toHaveTextContent(/not fetched/);
  });

  it('splits backticked code out of text, leaving unpaired and empty backticks as written', () => {
    expect(splitInlineCode('send `Expect: 100-continue` first')).toEqual([
      { text: 'send ', code: false },
      { text: 'Expect: 100-continue', code: true },
      { text: ' first', code: false },
    ]);
    expect(splitInlineCode('a ` lone')).toEqual([{ text: 'a ` lone', code: false }]);
    expect(splitInlineCode('empty `` pair')).toEqual([
      { text: 'empty ``', code: false },
      { text: ' pair', code: false },
    ]);
  });
});

describe('options: a rule switched off (#16 point 10)', () => {
  it('shows "off" instead of its default severity badge', async () => {
    const settings = defaultSettings();
    settings.rules['body/empty-error'] = 'off';
    settings.rules['http/created-location'] = 'error';
    const store = createOptionsStore({
      settings: new MemorySettingsStore(settings),
      permissions: new MemoryPermissions(false, true),
      download: () => undefined,
      debounceMs: 5,
    });
    const { container } = render(
      <OptionsProvider value={store}>
        <OptionsApp />
      </OptionsProvider>,
    );
    const item = (id: string) =>
      container.querySelector(`li.rule[data-rule="${id}"] .rule-head`) as HTMLElement;
    await waitFor(() => expect(within(item('body/empty-error')).getByTitle(/off/)).toHaveTextContent('off'));
    expect(item('body/empty-error').querySelector('.sev-warning')).toBeNull();
    expect(item('http/created-location').querySelector('.sev-error')).not.toBeNull();
    expect(item('http/created-location').querySelector('.sev-warning')).toBeNull();
  });
});
