// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { mockClipboard, renderDetail } from '../panel-detail/render';

// The detail view's real stylesheet: user-event's Tab skips what CSS hides from the keyboard.
const css = readFileSync(resolve(process.cwd(), 'src/surfaces/panel/detail/detail.css'), 'utf8');
let style: HTMLStyleElement | null = null;

afterEach(() => {
  style?.remove();
  style = null;
});

describe('per-header Copy buttons', () => {
  it('are reached with Tab (faded, not hidden) and copy with Enter', async () => {
    style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    const user = userEvent.setup();
    const clip = mockClipboard();
    try {
      renderDetail(makeExchange({ headers: { 'X-Trace': 'abc-123' } }), { tab: 'headers' });
      const copy = screen.getByRole('button', { name: 'Copy X-Trace value' });
      expect(getComputedStyle(copy).visibility).not.toBe('hidden');
      for (let i = 0; i < 30 && document.activeElement !== copy; i++) await user.tab();
      expect(document.activeElement).toBe(copy);
      await user.keyboard('{Enter}');
      await waitFor(() => expect(clip.written).toEqual(['abc-123']));
    } finally {
      clip.restore();
    }
  });

  it('are faded out, never hidden, and revealed on hover, focus within the row and keyboard focus', () => {
    const blocks = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)].map(
      ([, sel, body]) => ({
        selectors: sel!.split(',').map((x) => x.trim()),
        body: body!,
      }),
    );
    const base = blocks.find((b) => b.selectors.includes('.copy-one'));
    expect(base?.body).toMatch(/opacity:\s*0/);
    expect(base?.body).not.toMatch(/visibility|display/);
    const shown = blocks.find(
      (b) => /opacity:\s*1/.test(b.body) && b.selectors.includes('.kv-row:hover .copy-one'),
    );
    expect(shown?.selectors).toEqual(
      expect.arrayContaining(['.kv-row:focus-within .copy-one', '.copy-one:focus-visible']),
    );
  });
});
