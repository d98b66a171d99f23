import { isTabSummary, type TabSummary } from '../core/summary/summary';
import { isJsonObject as isObject } from '../core/json/walk';

/**
 * Every message that crosses extension contexts. One union, one guard: a receiver never
 * trusts the shape of what arrives (another extension page or a stale worker may send junk).
 */
export type Message =
  /** Panel → background: the tab's whole summary, sent batched (at most a few times a second). */
  | { type: 'summary/replace'; tabId: number; summary: TabSummary }
  /** Panel → background: its list emptied (navigation without Preserve log, or "Clear"). */
  | { type: 'summary/clear'; tabId: number }
  /** Popup → background: what is known of this tab. Reply: SummaryReply. */
  | { type: 'summary/get'; tabId: number }
  /** Popup → background: "Clear this tab" — the summary, and the list of a panel open on it. */
  | { type: 'tab/clear'; tabId: number }
  /** Panel → background, first on its port (PANEL_PORT): this panel reports for tabId. */
  | { type: 'panel/attach'; tabId: number }
  /** Background → panel, on its port: the user cleared this tab from the popup. */
  | { type: 'panel/clear'; tabId: number }
  /**
   * Devtools page → panel window (window.postMessage to the window ExtensionPanel.onShown gave):
   * DevTools' own search bar over the panel, issue #16. `query` is '' except for performSearch.
   */
  | { type: 'panel/search'; action: DevtoolsSearchAction; query: string };

/** What ExtensionPanel.onSearch reports, in Chrome's words. */
export const DEVTOOLS_SEARCH_ACTIONS = [
  'performSearch',
  'cancelSearch',
  'nextSearchResult',
  'previousSearchResult',
] as const;
export type DevtoolsSearchAction = (typeof DEVTOOLS_SEARCH_ACTIONS)[number];

export const isDevtoolsSearchAction = (v: unknown): v is DevtoolsSearchAction =>
  (DEVTOOLS_SEARCH_ACTIONS as readonly unknown[]).includes(v);

/** The long-lived connection an open panel holds; its closing tells the background DevTools closed. */
export const PANEL_PORT = 'status-lens/panel';

export type MessageType = Message['type'];

export interface SummaryReply {
  summary: TabSummary | null;
}

const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isMessage(v: unknown): v is Message {
  if (!isObject(v) || typeof v.type !== 'string') return false;
  switch (v.type) {
    case 'summary/replace':
      return isTabId(v.tabId) && isTabSummary(v.summary);
    case 'summary/clear':
    case 'summary/get':
    case 'tab/clear':
    case 'panel/attach':
    case 'panel/clear':
      return isTabId(v.tabId);
    case 'panel/search':
      return isDevtoolsSearchAction(v.action) && typeof v.query === 'string';
    default:
      return false;
  }
}

export function isSummaryReply(v: unknown): v is SummaryReply {
  return isObject(v) && (v.summary === null || isTabSummary(v.summary));
}
