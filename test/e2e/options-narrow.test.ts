import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from './harness/browser';
import { importProfileFile, loadOpenApiFile } from './harness/options';

/**
 * The options page an API owner works in, at the width of a half-screen window or a phone-sized
 * one: nothing runs past the right edge (the rules' severity menus did, by 70 px at 380 px), and a
 * refused OpenAPI description is written in the colour of every other refusal on the page.
 */
describe('the options page at narrow widths', () => {
  let ext: ExtensionBrowser;
  let options: Page;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-options-narrow-'));

  beforeAll(async () => {
    ext = await launchWithExtension();
    const profile = join(dir, 'shelf.json');
    writeFileSync(
      profile,
      JSON.stringify({
        id: 'shelf-inventory-and-lending-conventions',
        name: 'Shelf API',
        summary: 'Errors are problem+json with title and detail.',
        source: 'https://shelf.example/guide',
        scope: { urls: ['https://api.shelf-inventory-and-lending.example/v1/libraries/*'] },
        mediaTypes: { error: ['application/problem+json'] },
      }),
    );
    options = await importProfileFile(ext, profile, 'Shelf API');
    const bad = join(dir, 'openapi-with-a-long-name-for-the-lending-service.yaml');
    writeFileSync(bad, 'openapi: 3.0.3\ninfo: { title: x\npaths: {}\n');
    await loadOpenApiFile(options, bad, 'alert');
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['light', 380],
    ['dark', 380],
    ['light', 320],
  ] as const)('%s theme at %i px: nothing wider than the window', async (theme, width) => {
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await options.setViewport({ width, height: 800 });
    const over = await until('the layout at the new width', () =>
      options.evaluate(() => {
        const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > w + 1)
          .map(
            (e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e as HTMLElement).innerText?.slice(0, 40)}`,
          );
      }),
    );
    expect(over).toEqual([]);
  });

  it('a refused description reads in the error colour, as a refused profile does', async () => {
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const colours = await options.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--sev-error)';
      document.body.append(probe);
      const error = getComputedStyle(probe).color;
      probe.remove();
      const report = document.querySelector('.load-report[role="alert"]')!;
      return { error, report: getComputedStyle(report).color, text: (report as HTMLElement).innerText };
    });
    expect(colours.text).toContain('Not saved');
    expect(colours.report).toBe(colours.error);
  });
});
