import { MemoryPageRequester } from '../../src/adapters/memory';
import type { PageFetchOutcome } from '../../src/adapters/ports';
import type { PageRequest } from '../../src/core/resend/draft';
import { createResendStore } from '../../src/state/resend-store';
import { App } from '../../src/surfaces/panel/App';
import { ResendContext, type ResendWiring } from '../../src/surfaces/panel/resend/resend-context';
import { createResendService } from '../../src/surfaces/panel/resend/resend-service';
import { setupPanel } from './panel';

/** harEntry's fixed start time, and a resend sent a moment before it. */
export const SENT_AT = Date.parse('2026-11-22T09:59:59.500Z');

/**
 * The whole panel with resend and compare (issue #19) wired to a fake page requester: `respond`
 * plays the inspected page's fetch (and may emit the capture on `source`, as DevTools would).
 */
export function setupResendPanel(
  respond?: (
    request: PageRequest,
    panel: ReturnType<typeof setupPanel>,
  ) => PageFetchOutcome | Promise<PageFetchOutcome>,
) {
  const panel = setupPanel();
  const requester = new MemoryPageRequester(respond && ((r) => respond(r, panel)));
  const resendStore = createResendStore();
  let token = 0;
  const service = createResendService({
    requester,
    panel: panel.store,
    resend: resendStore,
    now: () => SENT_AT,
    newToken: () => `t${token++}`,
    captureWaitMs: 30,
  });
  const wiring: ResendWiring = { store: resendStore, service, compare: (job) => panel.analyzer.compare(job) };
  const renderApp = () =>
    panel.renderIn(
      <ResendContext.Provider value={wiring}>
        <App />
      </ResendContext.Provider>,
    );
  return { ...panel, requester, resendStore, service, renderApp };
}

export const answered = (request: PageRequest, status: number): PageFetchOutcome => ({
  kind: 'response',
  status,
  statusText: '',
  url: request.url,
  redirected: false,
  startedAt: SENT_AT,
  elapsedMs: 3,
});
