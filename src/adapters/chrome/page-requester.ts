import type { PageRequest } from '../../core/resend/draft';
import type { PageFetchOutcome, PageRequester } from '../ports';

/*
 * Resend (issue #19) runs `fetch` in the inspected page through chrome.devtools.inspectedWindow.eval:
 * the page's cookies, origin and CORS apply, DevTools captures the request like any other, and no
 * permission is needed. eval cannot wait for a promise, so the expression starts the fetch, the
 * page keeps the outcome under a registry symbol, and a second expression polls for it.
 *
 * Safety: the request's data enters the expression only as JSON.stringify output (a JSON text is a
 * JavaScript literal), never pasted into code; the token is ours (crypto.randomUUID). The page can
 * see and tamper with what it holds (it is its own context), so the outcome read back is checked
 * field by field, like every other byte from the page. A page that replaced window.fetch gets its
 * own wrapper called, as its own code would.
 */

const REGISTRY = 'status-lens/resend';

/** The expression that starts the fetch in the page and returns at once. */
export function startExpression(token: string, request: PageRequest): string {
  return `(() => {
  const req = ${JSON.stringify(request)};
  const token = ${JSON.stringify(token)};
  const key = Symbol.for(${JSON.stringify(REGISTRY)});
  const box = globalThis[key] || (globalThis[key] = Object.create(null));
  const startedAt = Date.now();
  const t0 = performance.now();
  box[token] = { state: 'pending' };
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ac.abort(); }, req.timeoutMs);
  const init = { method: req.method, headers: req.headers, credentials: req.credentials, signal: ac.signal, cache: 'no-store', redirect: 'follow' };
  if (req.body !== undefined) init.body = req.body;
  const done = (v) => { box[token] = Object.assign({ state: 'done', startedAt, elapsedMs: performance.now() - t0 }, v); };
  let p;
  try { p = fetch(req.url, init); } catch (e) { p = Promise.reject(e); }
  p.then(async (res) => {
    // Read the body so the request finishes (and DevTools records it) even when it is large.
    try { await res.arrayBuffer(); } catch (e) {}
    done({ kind: 'response', status: res.status, statusText: res.statusText, url: res.url, redirected: res.redirected });
  }, (e) => {
    done({ kind: 'error', reason: timedOut ? 'timeout' : 'network', message: String((e && e.message) || e) });
  }).finally(() => clearTimeout(timer));
  return true;
})()
//# sourceURL=status-lens-resend.js`;
}

/** The expression that reads (and, once done, forgets) the outcome. */
export function pollExpression(token: string): string {
  return `(() => {
  const box = globalThis[Symbol.for(${JSON.stringify(REGISTRY)})];
  const v = box ? box[${JSON.stringify(token)}] : undefined;
  if (v && v.state === 'done') delete box[${JSON.stringify(token)}];
  return v === undefined ? null : v;
})()`;
}

const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const str = (v: unknown, max = 2_000): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** The page's answer, checked: anything malformed is "not done yet" (undefined) or a page error. */
export function readOutcome(v: unknown): PageFetchOutcome | 'pending' | 'gone' {
  if (v === null || v === undefined) return 'gone';
  if (typeof v !== 'object') return 'gone';
  const o = v as Record<string, unknown>;
  if (o.state === 'pending') return 'pending';
  if (o.state !== 'done') return 'gone';
  const startedAt = num(o.startedAt);
  const elapsedMs = Math.max(0, num(o.elapsedMs));
  if (o.kind === 'response' && typeof o.status === 'number')
    return {
      kind: 'response',
      status: num(o.status),
      statusText: str(o.statusText, 200),
      url: str(o.url),
      redirected: o.redirected === true,
      startedAt,
      elapsedMs,
    };
  return {
    kind: 'error',
    reason: o.reason === 'timeout' ? 'timeout' : 'network',
    message: str(o.message, 500) || 'fetch failed',
    startedAt,
    elapsedMs,
  };
}

export type EvalInPage = (expression: string) => Promise<{ value: unknown } | { error: string }>;

/** The requester over any "evaluate in the page" function (Chrome's below; tests may pass another). */
export function createPageRequester(
  evalInPage: EvalInPage,
  opts: { pollMs?: number; newToken?: () => string } = {},
): PageRequester {
  const pollMs = opts.pollMs ?? 150;
  const newToken = opts.newToken ?? (() => crypto.randomUUID());
  return {
    async send(request) {
      const token = newToken();
      const began = Date.now();
      const pageError = (message: string): PageFetchOutcome => ({
        kind: 'error',
        reason: 'page',
        message,
        startedAt: began,
        elapsedMs: Date.now() - began,
      });
      const started = await evalInPage(startExpression(token, request));
      if ('error' in started) return pageError(`The page could not run the request: ${started.error}`);
      // The page's own timeout aborts the fetch; a little longer here covers a page that went away.
      const deadline = began + request.timeoutMs + 5_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, pollMs));
        const polled = await evalInPage(pollExpression(token));
        if ('error' in polled) return pageError(`The page stopped answering: ${polled.error}`);
        const outcome = readOutcome(polled.value);
        if (outcome === 'gone')
          return pageError('The page navigated or reloaded before the resend finished.');
        if (outcome !== 'pending') return outcome;
        if (Date.now() > deadline) return pageError('The page never reported the resend’s outcome.');
      }
    },
  };
}

export function chromePageRequester(): PageRequester {
  const evalInPage: EvalInPage = (expression) =>
    new Promise((resolve) => {
      chrome.devtools.inspectedWindow.eval(expression, (result, exception) => {
        if (exception && (exception.isException || exception.isError))
          resolve({ error: String(exception.value ?? exception.description ?? 'evaluation failed') });
        else resolve({ value: result });
      });
    });
  return createPageRequester(evalInPage);
}
