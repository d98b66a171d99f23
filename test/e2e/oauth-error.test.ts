import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { importHar, setToggle } from './harness/panel';

/**
 * Azure AD's token endpoint refusing a client secret (401, `invalid_client`), among the
 * discovery calls before it: a real capture, imported into the built panel in Chromium.
 */
const AAD = resolve(import.meta.dirname, '../fixtures/realworld/j1azure_aad-token-401-invalid-client.har');

describe('an OAuth error code, explained in the Overview (real Chromium, real capture)', () => {
  let ext: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    panel = await openPanelTab(ext);
    await panel.setViewport({ width: 1400, height: 900 });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('shows invalid_client beside what Azure AD said, with what to do and RFC 6749 §5.2', async () => {
    await importHar(panel, AAD);
    await setToggle(panel, 'API only', false);
    const id = await until('the token request’s row', () =>
      panel.$$eval('[role="grid"] [role="row"][data-id]', (rows) => {
        const row = rows.find((r) => (r as HTMLElement).innerText.includes('401'));
        return row?.getAttribute('data-id') ?? undefined;
      }),
    );
    await panel.click(`[role="row"][data-id="${id}"]`);
    const section = 'section[aria-label="Selected request"] section[aria-label="OAuth error explained"]';
    await panel.waitForSelector(section);
    const shown = await panel.$eval(section, (s) => ({
      heading: s.querySelector('h3')?.textContent ?? '',
      text: (s as HTMLElement).innerText,
      links: [...s.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
      afterSaid:
        (document.querySelector('section[aria-label="What the server said"]')?.compareDocumentPosition(s) ??
          0) & Node.DOCUMENT_POSITION_FOLLOWING,
    }));
    expect(shown.heading).toBe(
      'OAuth error invalid_client (at the token endpoint; read from the body’s error member)',
    );
    expect(shown.text).toContain('could not authenticate the client application itself');
    expect(shown.text).toContain('AADSTS7000215');
    expect(shown.text).toContain('What to do');
    expect(shown.links).toEqual([
      { text: 'RFC 6749 §5.2', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' },
    ]);
    expect(shown.afterSaid).not.toBe(0);
    // What the server said is still there, in its own words.
    const said = await panel.$eval(
      'section[aria-label="What the server said"]',
      (s) => (s as HTMLElement).innerText,
    );
    expect(said).toContain('Invalid client secret provided');
  });
});
