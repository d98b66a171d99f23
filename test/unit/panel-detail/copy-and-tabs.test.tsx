// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';
import { mockClipboard, renderDetail } from './render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function secretExchange() {
  return makeExchange({
    method: 'POST',
    url: 'https://api.example.com/login?api_key=k123&x=1',
    requestHeaders: { Authorization: 'Bearer sekret', 'X-Trace': 'abc' },
  });
}

describe('Copy as cURL / fetch', () => {
  it('copies a redacted cURL command by default and confirms it', async () => {
    const clip = mockClipboard();
    try {
      renderDetail(secretExchange());
      fireEvent.click(screen.getByRole('button', { name: 'Copy as cURL' }));
      await waitFor(() => expect(clip.written).toHaveLength(1));
      expect(clip.written[0]).toMatch(/^curl /);
      expect(clip.written[0]).not.toMatch(/sekret|k123/);
      expect(clip.written[0]).toContain('[REDACTED]');
      expect(await screen.findByText('Copied cURL command (secrets hidden)')).toBeInTheDocument();
    } finally {
      clip.restore();
    }
  });

  it('includes secrets when the box is ticked, for fetch too', async () => {
    const clip = mockClipboard();
    try {
      renderDetail(secretExchange());
      fireEvent.click(screen.getByRole('checkbox', { name: /Include secrets/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Copy as fetch' }));
      await waitFor(() => expect(clip.written).toHaveLength(1));
      expect(clip.written[0]).toMatch(/^fetch\("https:\/\/api\.example\.com\/login\?api_key=k123&x=1"/);
      expect(clip.written[0]).toContain('Bearer sekret');
      expect(await screen.findByText('Copied fetch call (includes secrets)')).toBeInTheDocument();
    } finally {
      clip.restore();
    }
  });

  it('uses the configured redaction names', async () => {
    const clip = mockClipboard();
    try {
      const settings = defaultSettings();
      settings.redaction.headers.push('x-trace');
      renderDetail(secretExchange(), { settings });
      fireEvent.click(screen.getByRole('button', { name: 'Copy as cURL' }));
      await waitFor(() => expect(clip.written).toHaveLength(1));
      expect(clip.written[0]).toContain("'X-Trace: [REDACTED]'");
    } finally {
      clip.restore();
    }
  });

  it('falls back to execCommand when the Clipboard API is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: () => Promise.reject(new DOMException('Document is not focused', 'NotAllowedError')),
      },
    });
    let copied = '';
    const exec = vi.fn((cmd: string) => {
      copied = (document.activeElement as HTMLTextAreaElement).value;
      return cmd === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { configurable: true, value: exec });
    try {
      renderDetail(secretExchange());
      fireEvent.click(screen.getByRole('button', { name: 'Copy as cURL' }));
      expect(await screen.findByText('Copied cURL command (secrets hidden)')).toBeInTheDocument();
      expect(exec).toHaveBeenCalledWith('copy');
      expect(copied).toMatch(/^curl /);
      expect(document.querySelector('textarea')).toBeNull();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  it('says so when no way to copy works', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    try {
      renderDetail(secretExchange());
      fireEvent.click(screen.getByRole('button', { name: 'Copy as fetch' }));
      expect(await screen.findByText(/Could not copy fetch call/)).toBeInTheDocument();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});

describe('Tabs', () => {
  it('follows the ARIA tabs pattern with arrow keys, Home and End', () => {
    const { store } = renderDetail(makeExchange());
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Overview', 'Headers', 'Body', 'Request', 'Timing']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[0]).toHaveAttribute('tabindex', '0');
    expect(tabs[1]).toHaveAttribute('tabindex', '-1');
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAttribute('aria-labelledby', tabs[0]!.id);
    expect(tabs[0]).toHaveAttribute('aria-controls', panel.id);

    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(store.getState().detailTab).toBe('headers');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Headers' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(store.getState().detailTab).toBe('timing');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(store.getState().detailTab).toBe('overview');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(store.getState().detailTab).toBe('timing');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(store.getState().detailTab).toBe('overview');
  });
});
