import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createPageRequester,
  pollExpression,
  readOutcome,
  startExpression,
  type EvalInPage,
} from '../../../src/adapters/chrome/page-requester';
import type { PageRequest } from '../../../src/core/resend/draft';

/*
 * The expressions the chrome adapter hands to inspectedWindow.eval, run here in a separate V8
 * context standing in for the inspected page (its own globals, its own fetch), as DevTools would.
 */

interface FakeResponse {
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function fakePage(fetch: (url: string, init: Record<string, unknown>) => Promise<FakeResponse>) {
  const calls: { url: string; init: Record<string, unknown> }[] = [];
  const context = createContext({
    fetch: (url: string, init: Record<string, unknown>) => {
      calls.push({ url, init });
      return fetch(url, init);
    },
    AbortController,
    performance,
    setTimeout,
    clearTimeout,
    Date,
    pwned: false,
  });
  const evalInPage: EvalInPage = async (expression) => {
    try {
      return { value: JSON.parse(JSON.stringify(runInContext(expression, context) ?? null)) as unknown };
    } catch (e) {
      return { error: String(e) };
    }
  };
  return { calls, context, evalInPage };
}

const ok = (status = 201): FakeResponse => ({
  status,
  statusText: 'Created',
  url: 'https://api.example.com/orders',
  redirected: false,
  arrayBuffer: async () => new ArrayBuffer(0),
});

const request = (over: Partial<PageRequest> = {}): PageRequest => ({
  method: 'POST',
  url: 'https://api.example.com/orders',
  headers: [['Content-Type', 'application/json']],
  body: '{"item":"book"}',
  credentials: 'include',
  timeoutMs: 1_000,
  ...over,
});

describe('the page requester (inspectedWindow.eval + fetch)', () => {
  it('runs fetch in the page with the request as given and reports the response', async () => {
    const page = fakePage(async () => ok());
    const requester = createPageRequester(page.evalInPage, { pollMs: 1 });
    const outcome = await requester.send(request());
    expect(page.calls).toHaveLength(1);
    expect(page.calls[0]!.url).toBe('https://api.example.com/orders');
    expect(page.calls[0]!.init).toMatchObject({
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: '{"item":"book"}',
      credentials: 'include',
    });
    expect(outcome).toMatchObject({ kind: 'response', status: 201, url: 'https://api.example.com/orders' });
  });

  it('data cannot break out of the expression: hostile URL, headers and body stay data', async () => {
    const hostile = `https://x.example/"]});pwned=true;//\u2028\u2029</script>\`\${pwned=true}`;
    const page = fakePage(async () => ok());
    await createPageRequester(page.evalInPage, { pollMs: 1 }).send(
      request({ url: hostile, headers: [['X-A', "'); pwned = true; ('"]], body: '"});pwned=true;({"' }),
    );
    expect(runInContext('pwned', page.context)).toBe(false);
    expect(page.calls[0]!.url).toBe(hostile);
    expect(page.calls[0]!.init.body).toBe('"});pwned=true;({"');
  });

  it('a rejected fetch (unreachable, CORS) is a network error with the page’s message', async () => {
    const page = fakePage(async () => {
      throw new TypeError('Failed to fetch');
    });
    const outcome = await createPageRequester(page.evalInPage, { pollMs: 1 }).send(request());
    expect(outcome).toMatchObject({ kind: 'error', reason: 'network', message: 'Failed to fetch' });
  });

  it('a fetch that outlasts the timeout is aborted and reported as a timeout', async () => {
    const page = fakePage(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          (init.signal as AbortSignal).addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const outcome = await createPageRequester(page.evalInPage, { pollMs: 5 }).send(
      request({ timeoutMs: 20 }),
    );
    expect(outcome).toMatchObject({ kind: 'error', reason: 'timeout' });
  });

  it('a page that navigated away (its state gone) is said so', async () => {
    const page = fakePage(() => new Promise(() => {}));
    let calls = 0;
    const forgetful: EvalInPage = async (expression) =>
      ++calls === 1 ? page.evalInPage(expression) : { value: null };
    const outcome = await createPageRequester(forgetful, { pollMs: 1 }).send(request());
    expect(outcome).toMatchObject({
      kind: 'error',
      reason: 'page',
      message: expect.stringMatching(/navigated/),
    });
  });

  it('an eval the page refuses is a page error', async () => {
    const outcome = await createPageRequester(async () => ({ error: 'Inspected frame has gone' }), {
      pollMs: 1,
    }).send(request());
    expect(outcome).toMatchObject({ kind: 'error', reason: 'page', message: expect.stringMatching(/gone/) });
  });

  it('the expressions are built only from JSON text', () => {
    const expr = startExpression('tok-1', request());
    expect(expr).toContain(JSON.stringify(request()));
    expect(pollExpression('tok-1')).toContain('"tok-1"');
  });
});

describe('readOutcome: what the page hands back is checked', () => {
  it.each([null, 42, 'x', { state: 'weird' }])('%j is gone', (v) => {
    expect(readOutcome(v)).toBe('gone');
  });
  it('pending stays pending', () => {
    expect(readOutcome({ state: 'pending' })).toBe('pending');
  });
  it('odd fields are made safe', () => {
    expect(
      readOutcome({
        state: 'done',
        kind: 'response',
        status: 200,
        statusText: 7,
        url: 'x'.repeat(5000),
        elapsedMs: -4,
      }),
    ).toMatchObject({ kind: 'response', status: 200, statusText: '', elapsedMs: 0 });
    expect(readOutcome({ state: 'done', kind: 'error', reason: 'nonsense' })).toMatchObject({
      kind: 'error',
      reason: 'network',
      message: 'fetch failed',
    });
  });
});
