import type { PageRequest } from '../../core/resend/draft';
import type { PageFetchOutcome, PageRequester } from '../ports';

/**
 * The inspected page's fetch, faked (issue #19 resend). `respond` decides each outcome (default:
 * 200); tests that want the capture to arrive too emit it on a MemoryNetworkSource from there.
 */
export class MemoryPageRequester implements PageRequester {
  readonly sent: PageRequest[] = [];
  constructor(
    public respond: (request: PageRequest) => PageFetchOutcome | Promise<PageFetchOutcome> = (r) => ({
      kind: 'response',
      status: 200,
      statusText: 'OK',
      url: r.url,
      redirected: false,
      startedAt: Date.now(),
      elapsedMs: 1,
    }),
  ) {}
  async send(request: PageRequest) {
    this.sent.push(structuredClone(request));
    return this.respond(request);
  }
}
