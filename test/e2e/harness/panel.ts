import type { Frame, Page } from 'puppeteer-core';
import { describeRows, openPanel, panelRows, until, type ExtensionBrowser } from './browser';

/**
 * What the panel's e2e tests do again and again, written once: open the panel on a served page,
 * import a HAR through the file input, type into the filter, and watch the main thread.
 */

/** The panel in DevTools (a Frame) or opened as a tab (a Page): both evaluate and query alike. */
export type Surface = Page | Frame;

/**
 * Opens `url` in a new tab, the Status Lens panel in its DevTools, and loads the page again:
 * the panel sees only the requests made after it loaded.
 */
export async function openPanelOn(
  ext: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; devtools: Page; panel: Frame }> {
  const page = await ext.browser.newPage();
  await page.goto(url);
  const { devtools, panel } = await openPanel(page, ext.extensionId);
  await page.reload();
  return { page, devtools, panel };
}

/**
 * Waits until what `selector` matches is laid out alike in two looks at least a frame and a
 * poll apart (and the page is `width` px wide, when given). After a resize the panel measures
 * itself (ResizeObserver) and React draws the columns that fit a task or more later: a fixed
 * pause only guessed how long that takes on a busy machine.
 */
export async function layoutSettled(s: Surface, selector: string, width?: number): Promise<void> {
  const shape = () =>
    s.evaluate(
      (sel, w) =>
        new Promise<string>((resolve) =>
          requestAnimationFrame(() => {
            if (w !== null && window.innerWidth !== w) return resolve('');
            const boxes = [...document.querySelectorAll(sel)].map((e) => {
              const r = e.getBoundingClientRect();
              return `${(e.textContent ?? '').length}@${r.x},${r.y},${r.width},${r.height}`;
            });
            resolve(boxes.join(' '));
          }),
        ),
      selector,
      width ?? null,
    );
  let last = await shape();
  await until(
    `the layout of ${selector} to settle${width ? ` at ${width} px` : ''}`,
    async () => {
      const now = await shape();
      const settled = now !== '' && now === last;
      last = now;
      return settled;
    },
    undefined,
    async () => `page width ${await s.evaluate(() => window.innerWidth)} px; boxes: ${last.slice(0, 400)}`,
  );
}

/** The panel's status bar, as shown. */
export const statusText = (s: Surface) => s.$eval('.status-bar', (e) => e.textContent ?? '');

/**
 * Imports a HAR file through the toolbar's file input and waits until the status bar says the
 * import is done ("Imported N of M entries…"); returns what it says then.
 */
export async function importHar(s: Surface, file: string, timeoutMs = 60_000): Promise<string> {
  const input = (await s.$('input[type="file"][aria-label="Import HAR file"]'))!;
  await input.uploadFile(file);
  return until(
    `the import of ${file} to finish`,
    async () => {
      const text = await statusText(s);
      return /Imported \d+ of \d+ entr(y|ies)/.test(text) ? text : undefined;
    },
    timeoutMs,
    async () => `status bar: ${await statusText(s)}`,
  );
}

/**
 * Replaces the filter's text with `text`. `keyByKey` lets each keystroke's work (filtering,
 * rendering) run before the next key, each its own task; `blur` leaves the box (not with
 * Escape: in a type=search field Chrome clears the text on Escape), closing its suggestions.
 */
export async function typeFilter(
  s: Surface,
  text: string,
  opts: { keyByKey?: boolean; blur?: boolean } = {},
): Promise<void> {
  const box = (await s.$('input[type="search"]'))!;
  await box.click({ count: 3 });
  await box.press('Backspace');
  if (opts.keyByKey) {
    for (const ch of text) {
      await box.type(ch);
      await s.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
  } else if (text) await box.type(text);
  if (opts.blur) await s.$eval('input[type="search"]', (e) => (e as HTMLInputElement).blur());
}

export { longestTask, longTasks, watchLongTasks } from './long-tasks';

/**
 * Sets one of the toolbar's toggles ("API only", "Findings only", "Preserve log") to `on`, once
 * it is shown. A click in the panel stands: settings arriving later do not undo it.
 */
export async function setToggle(s: Surface, label: string, on: boolean): Promise<void> {
  await until(`the "${label}" toggle`, () =>
    s.evaluate(
      (name, want) => {
        const box = [...document.querySelectorAll<HTMLInputElement>('label.toggle input')].find((i) =>
          i.parentElement?.textContent?.includes(name),
        );
        if (!box) return false;
        if (box.checked !== want) box.click();
        return box.checked === want;
      },
      label,
      on,
    ),
  );
}

/**
 * Turns the panel's "API only" on or off. In a narrow dock the toggles sit in the toolbar's ⋯
 * menu: it is opened first when it is there.
 */
export async function setApiOnly(panel: Surface, on: boolean): Promise<void> {
  await panel
    .$eval('button[aria-label="More filters and options"][aria-expanded="false"]', (b) =>
      (b as HTMLElement).click(),
    )
    .catch(() => undefined);
  await setToggle(panel, 'API only', on);
}

/** The Findings cell, as shown, of the first row whose text or URL contains `needle` ('' while there is none). */
export async function findingsCell(panel: Frame, needle: string): Promise<string> {
  const row = (await panelRows(panel)).find((r) => r.text.includes(needle));
  if (!row) return '';
  return panel.$eval(`[role="row"][data-id="${row.id}"]`, (el) => {
    const cells = [...el.querySelectorAll('[role="gridcell"]')] as HTMLElement[];
    const header = [...document.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent ?? '');
    const i = header.findIndex((h) => h.startsWith('Findings'));
    return (cells[i]?.innerText ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Selects the row with this data-id and returns the text of its Findings section in the detail pane. */
export async function findingsOfRow(panel: Frame, id: string): Promise<string> {
  const row = `[role="row"][data-id="${id}"]`;
  await panel.click(row);
  await until(
    `${id} selected`,
    async () =>
      (await panel.$eval(row, (r) => r.getAttribute('aria-selected'))) === 'true' ? true : undefined,
    undefined,
    () => describeRows(panel),
  );
  return panel.$eval(
    'section[aria-label="Selected request"] section[aria-label="Findings"]',
    (d) => (d as HTMLElement).innerText,
  );
}

/**
 * Records what the panel puts on the clipboard from now on (`clipboardWrites` reads it). The
 * panel's navigator.clipboard.writeText is replaced by a recorder: DevTools' panel frame may
 * refuse the real clipboard in headless Chromium, and what is under test is the text the panel
 * chose, which is exactly what it hands to writeText.
 */
export async function recordClipboard(s: Surface): Promise<void> {
  await s.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (t: string) => (w.__copied.push(t), Promise.resolve()) },
    });
  });
}

/** Every text written to the clipboard since recordClipboard, oldest first. */
export const clipboardWrites = (s: Surface): Promise<string[]> =>
  s.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
