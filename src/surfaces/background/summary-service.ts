import type { BadgePort, SessionArea } from '../../adapters/ports';
import type { BadgeMode } from '../../core/settings/schema';
import {
  addToSummary,
  emptySummary,
  isTabSummary,
  worstInSummary,
  type SummaryInput,
  type TabSummary,
} from '../../core/summary/summary';
import type { Message, SummaryReply } from '../../messaging/messages';
import { isJsonObject } from '../../core/json/walk';
import type { Severity } from '../../core/rules/types';
import { lightThemeColour } from '../../ui/palette';

export const summaryKey = (tabId: number) => `summary:${tabId}`;

/**
 * Which tabs hold a summary, and who writes it. A panel's summary is whole and authoritative
 * (it has bodies); monitoring only adds to tabs no panel is reporting for.
 */
export const TABS_KEY = 'summary-tabs';
export type SummaryOwner = 'panel' | 'monitor';
type TabIndex = Record<string, SummaryOwner>;

/**
 * Tabs closed this browser session. Chrome never reuses a tab id within a session, and requests a
 * closing tab aborted can report after tabs.onRemoved, so without this they would write the closed
 * tab's summary back. Kept in storage too: the worker may be restarted between the two.
 */
export const CLOSED_KEY = 'closed-tabs';
const MAX_CLOSED = 200;

/**
 * The badge's background by the worst severity: the light theme's severity colours, the ones
 * the panel's findings are marked in (theme.css, the one palette). The badge had lighter hues of
 * its own, and white on its warning orange (#e37400) read at 3.1:1.
 */
export const BADGE_COLORS: Readonly<Record<Severity, string>> = {
  error: lightThemeColour('--sev-error'),
  warning: lightThemeColour('--sev-warning'),
  info: lightThemeColour('--sev-info'),
};

/**
 * The count on the badge: the light theme's background (white), set rather than left to the
 * browser's default, so the pair a test checks at 4.5:1 is the pair drawn. The badge's digits
 * are small (bold, about 9 px), far from WCAG's large text (14 pt bold), so 3:1 would not do.
 */
export const BADGE_TEXT_COLOR = lightThemeColour('--bg');

/** What the badge says for a summary: the error count (or 5xx count), coloured by the worst severity. */
export function badgeFor(
  summary: TabSummary | null,
  mode: BadgeMode,
): { text: string; color: string } | null {
  if (!summary) return null;
  const count = mode === '5xx' ? summary.families['5xx'] : summary.findings.error;
  if (count === 0) return null;
  const worst = mode === '5xx' ? 'error' : (worstInSummary(summary) ?? 'error');
  return { text: count > 999 ? '999+' : String(count), color: BADGE_COLORS[worst] };
}

function isTabIndex(v: unknown): v is TabIndex {
  return isJsonObject(v) && Object.values(v).every((o) => o === 'panel' || o === 'monitor');
}

export interface SummaryServiceOptions {
  /** How long monitoring additions are gathered before one storage write (ms). */
  flushMs?: number;
  now?: () => number;
}

/**
 * The background worker's state lives in storage, not in memory: Chrome stops an idle
 * service worker after ~30 s and every variable with it. Every read-modify-write runs on one
 * queue so a panel's replace, monitoring's additions and a clear never interleave.
 */
export function createSummaryService(
  area: SessionArea,
  badge: BadgePort,
  badgeMode: () => BadgeMode | Promise<BadgeMode>,
  options: SummaryServiceOptions = {},
) {
  const flushMs = options.flushMs ?? 500;
  const now = options.now ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();
  const pending = new Map<number, SummaryInput[]>();
  const closed = new Set<number>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function render(tabId: number, summary: TabSummary | null) {
    const b = badgeFor(summary, await badgeMode());
    if (b) badge.show(tabId, b.text, b.color, BADGE_TEXT_COLOR);
    else badge.clear(tabId);
  }

  async function read(tabId: number): Promise<TabSummary | null> {
    const v = await area.get<unknown>(summaryKey(tabId));
    return isTabSummary(v) ? v : null;
  }

  async function readIndex(): Promise<TabIndex> {
    const v = await area.get<unknown>(TABS_KEY);
    return isTabIndex(v) ? { ...v } : {};
  }

  async function setOwner(tabId: number, owner: SummaryOwner | null) {
    const index = await readIndex();
    const key = String(tabId);
    if ((index[key] ?? null) === owner) return;
    if (owner) index[key] = owner;
    else delete index[key];
    await area.set(TABS_KEY, index);
  }

  async function readClosed(): Promise<Set<number>> {
    const v = await area.get<unknown>(CLOSED_KEY);
    if (Array.isArray(v)) for (const id of v) if (typeof id === 'number') closed.add(id);
    return closed;
  }

  /** Writes what monitoring gathered, one read and one write per tab. */
  function flush(): Promise<void> {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.size === 0) return serial(async () => undefined);
    const batch = [...pending];
    pending.clear();
    return serial(async () => {
      const index = await readIndex();
      const gone = await readClosed();
      for (const [tabId, inputs] of batch) {
        if (index[String(tabId)] === 'panel' || gone.has(tabId)) continue;
        const summary = addToSummary((await read(tabId)) ?? emptySummary(now()), inputs, now());
        await area.set(summaryKey(tabId), summary);
        await setOwner(tabId, 'monitor');
        await render(tabId, summary);
      }
    });
  }

  /** Monitoring: adds exchanges to a tab's summary, written in batches. */
  function add(tabId: number, inputs: readonly SummaryInput[]) {
    if (inputs.length === 0 || closed.has(tabId)) return;
    const list = pending.get(tabId);
    if (list) list.push(...inputs);
    else pending.set(tabId, [...inputs]);
    flushTimer ??= setTimeout(() => void flush(), flushMs);
  }

  async function get(tabId: number): Promise<TabSummary | null> {
    if (pending.has(tabId)) await flush();
    return serial(() => read(tabId));
  }

  /** The panel's whole summary for its tab. */
  function replace(tabId: number, summary: TabSummary) {
    pending.delete(tabId);
    return serial(async () => {
      if ((await readClosed()).has(tabId)) return;
      await area.set(summaryKey(tabId), summary);
      await setOwner(tabId, 'panel');
      await render(tabId, summary);
    });
  }

  /** Forgets the numbers ("Clear this tab", or the panel's navigation) but not who reports them. */
  function clear(tabId: number) {
    pending.delete(tabId);
    return serial(async () => {
      await area.remove(summaryKey(tabId));
      await render(tabId, null);
    });
  }

  /**
   * A navigation seen by monitoring: the numbers go. A tab an open panel reports for is left to
   * the panel, which clears on navigation unless its own Preserve log is on (the panel's port
   * tells the background when DevTools closes, so a 'panel' owner is always a live panel).
   */
  function reset(tabId: number) {
    pending.delete(tabId);
    return serial(async () => {
      if ((await readIndex())[String(tabId)] === 'panel') return;
      await area.remove(summaryKey(tabId));
      await setOwner(tabId, null);
      await render(tabId, null);
    });
  }

  /** The tab was closed: nothing of it is kept, and nothing arriving late brings it back. */
  function remove(tabId: number) {
    pending.delete(tabId);
    closed.add(tabId);
    return serial(async () => {
      const ids = [...(await readClosed())].slice(-MAX_CLOSED);
      await area.set(CLOSED_KEY, ids);
      await area.remove(summaryKey(tabId));
      await setOwner(tabId, null);
    });
  }

  /** A panel opened on the tab: its summary is the tab's from now on, and monitoring stands aside. */
  function claim(tabId: number) {
    pending.delete(tabId);
    return serial(async () => {
      if (!(await readClosed()).has(tabId)) await setOwner(tabId, 'panel');
    });
  }

  /**
   * DevTools closed on the tab. With monitoring on, monitoring carries on from the panel's numbers
   * (and resets them at the next navigation). Without it nothing would ever update or reset them,
   * so a badge left behind would soon describe a page that is gone: they are dropped.
   */
  function release(tabId: number, monitored: boolean) {
    return serial(async () => {
      const index = await readIndex();
      if (index[String(tabId)] !== 'panel') return;
      if (monitored) {
        await setOwner(tabId, 'monitor');
        return;
      }
      await area.remove(summaryKey(tabId));
      await setOwner(tabId, null);
      await render(tabId, null);
    });
  }

  /** Monitoring was switched off or its permission withdrawn: what only it counted goes. */
  function dropMonitored() {
    pending.clear();
    return serial(async () => {
      const index = await readIndex();
      for (const [key, owner] of Object.entries(index)) {
        if (owner !== 'monitor') continue;
        const tabId = Number(key);
        await area.remove(summaryKey(tabId));
        await setOwner(tabId, null);
        await render(tabId, null);
      }
    });
  }

  /** Repaints every tab's badge, e.g. after the badge mode changed. */
  function renderAll() {
    return serial(async () => {
      const index = await readIndex();
      for (const key of Object.keys(index)) {
        const tabId = Number(key);
        await render(tabId, await read(tabId));
      }
    });
  }

  async function handle(message: Message): Promise<SummaryReply | undefined> {
    switch (message.type) {
      case 'summary/replace':
        await replace(message.tabId, message.summary);
        return undefined;
      case 'summary/clear':
      case 'tab/clear':
        await clear(message.tabId);
        return undefined;
      case 'summary/get':
        return { summary: await get(message.tabId) };
      default:
        return undefined;
    }
  }

  return {
    get,
    replace,
    clear,
    reset,
    remove,
    claim,
    release,
    dropMonitored,
    add,
    flush,
    renderAll,
    handle,
    render,
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
