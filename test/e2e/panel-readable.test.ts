import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { importHar } from './harness/panel';

/** WCAG contrast of two computed `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
/** A ZAP export of OWASP Benchmark form posts answered with HTML: nothing API only lets through. */
const FORM_POSTS = resolve(
  import.meta.dirname,
  '../fixtures/realworld/zap_owasp-benchmark-tomcat-500-traces.har',
);

const har = (entries: object[]) =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });

const entry = (url: string, body: string) => ({
  startedDateTime: '2026-11-22T10:00:00.000Z',
  time: 20,
  request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [] },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { size: body.length, mimeType: 'application/json', text: body },
  },
  timings: { wait: 20 },
  _resourceType: 'fetch',
});

describe('the panel explains itself, readably, in real Chromium', () => {
  let ext: ExtensionBrowser;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-readable-'));

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('dark theme: the profile suggestion’s text and links stand out from its background', async () => {
    const page = await openPanelTab(ext, 'dark');
    const file = join(tmp, 'hal.har');
    // Two orders: one response is not yet a suggestion (MIN_SIGHTINGS).
    const order = (id: number) => JSON.stringify({ id, _links: { self: { href: `/orders/${id}` } } });
    writeFileSync(file, har([1, 2].map((id) => entry(`https://shop.example.com/orders/${id}`, order(id)))));
    await importHar(page, file);
    await page.waitForSelector('.profile-suggestion');
    const colours = await page.$eval('.profile-suggestion', (note) => {
      const style = (e: Element) => getComputedStyle(e);
      return {
        background: style(note).backgroundColor,
        text: style(note.querySelector('span')!).color,
        link: style(note.querySelector('.link-button')!).color,
        page: style(document.body).backgroundColor,
      };
    });
    // A dark note on the dark page (it was #e8f0fe, light, under light text).
    expect(contrast(colours.background, colours.page)).toBeLessThan(1.5);
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.link, colours.background)).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('a profile suggestion takes one line in a narrow panel, and "Not now" holds when the panel opens again', async () => {
    // UI review finding 7: the banner wrapped on three lines in a narrow dock, a third of the
    // list, and came back on every open.
    const file = join(tmp, 'problem.har');
    const problem = (id: number) => {
      const e = entry(`https://api.problem.example/users/${id}`, '{"title":"Not Found","status":404}');
      e.response.status = 404;
      e.response.statusText = 'Not Found';
      e.response.headers = [{ name: 'Content-Type', value: 'application/problem+json' }];
      e.response.content.mimeType = 'application/problem+json';
      return e;
    };
    writeFileSync(file, har([problem(1), problem(2)]));
    const page = await openPanelTab(ext);
    await importHar(page, file);
    await page.waitForSelector('.profile-suggestion');
    // Docked to the side: Import is behind the ⋯ menu there, so the file went in first.
    await page.setViewport({ width: 500, height: 600 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const line = await page.$eval('.profile-suggestion', (note) => {
      const tops = [...note.children].map((c) => Math.round(c.getBoundingClientRect().top));
      return { height: note.getBoundingClientRect().height, spread: Math.max(...tops) - Math.min(...tops) };
    });
    expect(line.spread).toBeLessThanOrEqual(4);
    expect(line.height).toBeLessThan(34);
    await page.click(
      '::-p-xpath(//*[contains(@class, "profile-suggestion")]//button[normalize-space()="Not now"])',
    );
    await until('the suggestion gone', async () => (await page.$('.profile-suggestion')) === null);
    // Kept where the panel's next opening reads it (chrome.storage.session), not in React state.
    await until('the dismissal stored', async () =>
      page.evaluate(async () =>
        JSON.stringify(await chrome.storage.session.get('panel-dismissed-suggestions')).includes(
          'problem https://api.problem.example/*',
        ),
      ),
    );
    await page.close();
    const again = await openPanelTab(ext);
    await importHar(again, file);
    await again.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    expect(await again.$('.profile-suggestion')).toBeNull();
    await again.close();
  });

  it('an import the filters hide entirely says so in the list, and shows it at a click', async () => {
    const page = await openPanelTab(ext);
    await importHar(page, FORM_POSTS);
    // Side-docked width: the API only toggle is behind the ⋯ menu, out of sight.
    await page.setViewport({ width: 450, height: 800 });
    await page.waitForSelector('button[aria-label="More filters and options"]');
    const note = await page.waitForSelector('.filtered-out');
    expect(await note!.evaluate((e) => (e as HTMLElement).innerText)).toContain(
      '31 requests hidden by API only.',
    );
    expect(await page.$$('[role="grid"] [role="row"][data-id]')).toHaveLength(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'filtered-out.png') as `${string}.png` });
    await page.click('.filtered-out button');
    await until('the 31 form posts listed', async () =>
      (await page.$$('[role="grid"] [role="row"][data-id]')).length > 0 ? true : undefined,
    );
    expect(await page.$('.filtered-out')).toBeNull();
    expect(await page.$eval('.status-bar', (e) => e.textContent)).toMatch(/^31 requests/);
    await page.close();
  });
});
