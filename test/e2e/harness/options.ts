import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';

export const OPTIONS_PATH = 'src/surfaces/options/options.html';

/** Opens the options page in a new tab. */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const options = await ext.browser.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS_PATH}`);
  return options;
}

/**
 * Opens the options page in a new tab and imports a profile file through "Import profile…", as a
 * user does; resolves with the page once it says the profile `name` was imported.
 */
export async function importProfileFile(ext: ExtensionBrowser, file: string, name: string): Promise<Page> {
  const options = await openOptions(ext);
  const input = (await options.waitForSelector(
    'xpath/.//label[contains(., "Import profile")]//input[@type="file"]',
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await options.waitForFunction((n) => document.body.innerText.includes(`Imported profile “${n}”`), {}, name);
  return options;
}

/**
 * Loads an OpenAPI description on the options page through its file input, as a user does;
 * resolves once the page reports the load (`status`) or refuses the file (`alert`).
 */
export async function loadOpenApiFile(
  options: Page,
  file: string,
  outcome: 'status' | 'alert' = 'status',
): Promise<void> {
  const input = (await options.waitForSelector(
    'input[aria-label="OpenAPI description file"]',
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await options.waitForSelector(`.load-report[role="${outcome}"]`);
}
