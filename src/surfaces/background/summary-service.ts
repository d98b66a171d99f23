import type { BadgePort, SessionArea } from '../../adapters/ports';
import type { BadgeMode } from '../../core/settings/schema';
import { isTabSummary, worstInSummary, type TabSummary } from '../../core/summary/summary';
import type { Message, SummaryReply } from '../../messaging/messages';

export const summaryKey = (tabId: number) => `summary:${tabId}`;

export const BADGE_COLORS = { error: '#d93025', warning: '#e37400', info: '#1a73e8' } as const;

/** What the badge says for a summary: the error count (or 5xx count), coloured by the worst severity. */
export function badgeFor(summary: TabSummary | null, mode: BadgeMode): { text: string; color: string } | null {
  if (!summary) return null;
  const count = mode === '5xx' ? summary.families['5xx'] : summary.findings.error;
  if (count === 0) return null;
  const worst = mode === '5xx' ? 'error' : (worstInSummary(summary) ?? 'error');
  return { text: count > 999 ? '999+' : String(count), color: BADGE_COLORS[worst] };
}

/**
 * The background worker's state lives in storage, not in memory: Chrome stops an idle
 * service worker after ~30 s and every variable with it.
 */
export function createSummaryService(area: SessionArea, badge: BadgePort, badgeMode: () => BadgeMode) {
  async function render(tabId: number, summary: TabSummary | null) {
    const b = badgeFor(summary, badgeMode());
    if (b) badge.show(tabId, b.text, b.color);
    else badge.clear(tabId);
  }

  async function get(tabId: number): Promise<TabSummary | null> {
    const v = await area.get<unknown>(summaryKey(tabId));
    return isTabSummary(v) ? v : null;
  }

  async function replace(tabId: number, summary: TabSummary) {
    await area.set(summaryKey(tabId), summary);
    await render(tabId, summary);
  }

  async function clear(tabId: number) {
    await area.remove(summaryKey(tabId));
    await render(tabId, null);
  }

  async function handle(message: Message): Promise<SummaryReply | undefined> {
    switch (message.type) {
      case 'summary/replace':
        await replace(message.tabId, message.summary);
        return undefined;
      case 'summary/clear':
        await clear(message.tabId);
        return undefined;
      case 'summary/get':
        return { summary: await get(message.tabId) };
    }
  }

  return { get, replace, clear, handle, render };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
