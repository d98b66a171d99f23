import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';

export const OPTIONS_PATH = 'src/surfaces/options/options.html';

/**
 * Opens the options page in a new tab and imports a profile file through "Import profile…", as a
 * user does; resolves with the page once it says the profile `name` was imported.
 */
export async function importProfileFile(ext: ExtensionBrowser, file: string, name: string): Promise<Page> {
  const options = await ext.browser.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS_PATH}`);
  const input = (await options.waitForSelector(
    'xpath/.//label[contains(., "Import profile")]//input[@type="file"]',
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await options.waitForFunction((n) => document.body.innerText.includes(`Imported profile “${n}”`), {}, name);
  return options;
}
