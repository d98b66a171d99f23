import { isTabSummary, type TabSummary } from '../core/summary/summary';

/**
 * Every message that crosses extension contexts. One union, one guard: a receiver never
 * trusts the shape of what arrives (another extension page or a stale worker may send junk).
 */
export type Message =
  /** Panel → background: the tab's whole summary, sent batched (at most a few times a second). */
  | { type: 'summary/replace'; tabId: number; summary: TabSummary }
  /** Panel or popup → background: forget this tab's summary (navigation without Preserve log, or "Clear"). */
  | { type: 'summary/clear'; tabId: number }
  /** Popup → background: what is known of this tab. Reply: SummaryReply. */
  | { type: 'summary/get'; tabId: number };

export type MessageType = Message['type'];

export interface SummaryReply {
  summary: TabSummary | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isMessage(v: unknown): v is Message {
  if (!isObject(v) || typeof v.type !== 'string') return false;
  switch (v.type) {
    case 'summary/replace':
      return isTabId(v.tabId) && isTabSummary(v.summary);
    case 'summary/clear':
    case 'summary/get':
      return isTabId(v.tabId);
    default:
      return false;
  }
}

export function isSummaryReply(v: unknown): v is SummaryReply {
  return isObject(v) && (v.summary === null || isTabSummary(v.summary));
}
