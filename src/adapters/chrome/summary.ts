import { isTabSummary } from '../../core/summary/summary';
import { isSummaryReply } from '../../messaging/messages';
import type { SummarySink, SummarySource } from '../ports';
import { sendMessage } from './messaging';

export const summaryKey = (tabId: number) => `summary:${tabId}`;

export function chromeSummarySink(): SummarySink {
  return {
    replace: (tabId, summary) => void sendMessage({ type: 'summary/replace', tabId, summary }),
    clear: (tabId) => void sendMessage({ type: 'summary/clear', tabId }),
  };
}

export function chromeSummarySource(): SummarySource {
  return {
    async get(tabId) {
      const reply = await sendMessage({ type: 'summary/get', tabId });
      return isSummaryReply(reply) ? reply.summary : null;
    },
    subscribe(tabId, listener) {
      const key = summaryKey(tabId);
      const handler = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area !== 'session' || !changes[key]) return;
        const v = changes[key].newValue;
        listener(isTabSummary(v) ? v : null);
      };
      chrome.storage.onChanged.addListener(handler);
      return () => chrome.storage.onChanged.removeListener(handler);
    },
    async clear(tabId) {
      await sendMessage({ type: 'tab/clear', tabId });
    },
  };
}
