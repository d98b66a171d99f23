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
/** Written for this test: an introspection refusing its caller (RFC 7662 §2.3), a refused push (RFC 9126 §2.3). */
const ENDPOINTS = resolve(import.meta.dirname, '../fixtures/har/oauth-endpoints.har');
const SECTION = 'section[aria-label="Selected request"] section[aria-label="OAuth error explained"]';

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

  it('heads an introspection’s and a pushed request’s codes with their own endpoint and section', async () => {
    await importHar(panel, ENDPOINTS);
    await setToggle(panel, 'API only', false);
    // Selects the row named `name` (the URL's last segment, as the list names it), and reads the
    // explanation once it is the one whose heading names `place`.
    const shownFor = async (name: string, place: string) => {
      const id = await until(`the ${name} row`, () =>
        panel.$$eval(
          '[role="grid"] [role="row"][data-id]',
          (rows, n) =>
            rows.find((r) => r.querySelector(`[data-recorded="${n}"]`))?.getAttribute('data-id') ?? undefined,
          name,
        ),
      );
      await panel.click(`[role="row"][data-id="${id}"]`);
      return until(`the explanation ${place}`, async () => {
        const section = await panel.$(SECTION);
        const shown = await section?.evaluate((s) => ({
          heading: s.querySelector('h3')?.textContent ?? '',
          text: (s as HTMLElement).innerText,
          links: [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        }));
        return shown?.heading.includes(place) ? shown : undefined;
      });
    };
    const introspection = await shownFor('introspect', 'at the introspection endpoint');
    expect(introspection.heading).toBe(
      'OAuth error invalid_client (at the introspection endpoint; read from the body’s error member)',
    );
    expect(introspection.text).toContain('"active": false');
    expect(introspection.links).toEqual(['https://www.rfc-editor.org/rfc/rfc7662#section-2.3']);
    const par = await shownFor('par', 'at the pushed authorization request endpoint');
    expect(par.heading).toBe(
      'OAuth error invalid_request (at the pushed authorization request endpoint; read from the body’s error member)',
    );
    expect(par.text).toContain('must not carry one');
    expect(par.links).toEqual(['https://www.rfc-editor.org/rfc/rfc9126#section-2.3']);
  });
});
