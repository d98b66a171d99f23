import { describe, expect, it } from 'vitest';
import { CaptureSummarizer, type CaptureSummary } from '../../../../src/core/diff/capture/summary';
import { compareCaptures } from '../../../../src/core/diff/capture/compare';
import { captureDiffMarkdown } from '../../../../src/core/diff/capture/markdown';
import { captureDiffReport } from '../../../helpers/capture-diff';
import type { Finding, Severity } from '../../../../src/core/rules/types';
import { makeExchange } from '../../../helpers/exchange';

interface Call {
  url: string;
  method?: string;
  status?: number;
  body?: unknown;
  time?: number;
  rules?: [string, Severity][];
}

function summarise(calls: Call[], options = {}): CaptureSummary {
  const s = new CaptureSummarizer(options);
  for (const c of calls) {
    const ex = makeExchange({ url: c.url, method: c.method ?? 'GET', status: c.status ?? 200 });
    ex.time = c.time ?? -1;
    const findings: Finding[] = (c.rules ?? []).map(([rule, severity]) => ({
      rule,
      severity,
      message: `${rule} fired`,
      source: { label: 'x', url: 'https://example.com' },
    }));
    s.add(ex, findings, c.body === undefined ? undefined : { kind: 'ok', value: c.body as never });
  }
  return s.summary();
}

const diff = (before: Call[], after: Call[]) => compareCaptures(summarise(before), summarise(after));
const endpoint = (d: ReturnType<typeof diff>, key: string) => d.endpoints.find((e) => e.key === key)!;

describe('compareCaptures', () => {
  it('groups by route template and reports endpoints that appeared and vanished', () => {
    const d = diff(
      [{ url: 'https://a.io/users/1' }, { url: 'https://a.io/users/2' }, { url: 'https://a.io/old' }],
      [{ url: 'https://a.io/users/3' }, { url: 'https://a.io/new', method: 'POST' }],
    );
    expect(d.endpoints.map((e) => [e.key, e.change])).toEqual([
      ['POST a.io/new', 'appeared'],
      ['GET a.io/old', 'vanished'],
      ['GET a.io/users/{id}', 'unchanged'],
    ]);
    expect(endpoint(d, 'GET a.io/users/{id}').count).toEqual({ before: 2, after: 1 });
    expect(d.totals.endpoints).toEqual({ before: 2, after: 2, appeared: 1, vanished: 1, changed: 0 });
  });

  it('reports a status mix change (200 → 500) but not the same mix at another volume', () => {
    const d = diff(
      [{ url: 'https://a.io/a' }, { url: 'https://a.io/b' }, { url: 'https://a.io/b' }],
      [{ url: 'https://a.io/a', status: 500 }, { url: 'https://a.io/b' }],
    );
    expect(endpoint(d, 'GET a.io/a')).toMatchObject({
      change: 'changed',
      statusMix: { before: [{ status: 200, count: 1 }], after: [{ status: 500, count: 1 }] },
    });
    expect(endpoint(d, 'GET a.io/b').statusMix).toBeUndefined();
  });

  it('reports a share that moved by ten points or more, not less', () => {
    const mix = (ok: number, bad: number): Call[] => [
      ...Array.from({ length: ok }, () => ({ url: 'https://a.io/x' })),
      ...Array.from({ length: bad }, () => ({ url: 'https://a.io/x', status: 503 })),
    ];
    expect(diff(mix(95, 5), mix(85, 15)).endpoints[0]!.statusMix).toBeDefined();
    expect(diff(mix(95, 5), mix(91, 9)).endpoints[0]!.statusMix).toBeUndefined();
  });

  it('lists new and resolved findings per endpoint, and counts them by severity', () => {
    const d = diff(
      [{ url: 'https://a.io/x', rules: [['http/date', 'info']] }],
      [
        { url: 'https://a.io/x', rules: [['http/created-location', 'warning']] },
        { url: 'https://a.io/y', rules: [['security/stack-trace', 'error']] },
      ],
    );
    const x = endpoint(d, 'GET a.io/x');
    expect(x.newFindings.map((f) => f.rule)).toEqual(['http/created-location']);
    expect(x.resolvedFindings.map((f) => f.rule)).toEqual(['http/date']);
    // Findings on an endpoint that appeared are new too: nothing vouched for it before.
    expect(endpoint(d, 'GET a.io/y').newFindings[0]).toMatchObject({
      rule: 'security/stack-trace',
      count: 1,
    });
    expect(d.totals.newFindings).toEqual({ error: 1, warning: 1, info: 0 });
    expect(d.totals.resolvedFindings).toEqual({ error: 0, warning: 0, info: 1 });
  });

  it('does not call the findings of an endpoint that vanished resolved', () => {
    const d = diff([{ url: 'https://a.io/x', rules: [['http/date', 'warning']] }], []);
    expect(d.endpoints[0]).toMatchObject({ change: 'vanished', resolvedFindings: [] });
  });

  it('reports shape drift: members added, removed and changed type, children of a change folded in', () => {
    const d = diff(
      [{ url: 'https://a.io/u/1', body: { id: 1, name: 'a', age: 3, address: { city: 'x', zip: '1' } } }],
      [{ url: 'https://a.io/u/1', body: { id: '1', name: 'a', email: 'e', address: 'x, 1' } }],
    );
    const [drift] = endpoint(d, 'GET a.io/u/{id}').shape;
    expect(drift).toEqual({
      family: '2xx',
      added: [{ path: '/email', types: ['string'] }],
      removed: [{ path: '/age', types: ['number'] }],
      changed: [
        { path: '/address', before: ['object'], after: ['string'] },
        { path: '/id', before: ['number'], after: ['string'] },
      ],
      partial: false,
    });
  });

  it('reports a member that became nullable, and a nested object added once, not per member', () => {
    const d = diff(
      [{ url: 'https://a.io/x', body: { a: 'x' } }],
      [
        { url: 'https://a.io/x', body: { a: null, meta: { page: 1, size: 2 } } },
        { url: 'https://a.io/x', body: { a: 'y', meta: { page: 2, size: 2 } } },
      ],
    );
    expect(d.endpoints[0]!.shape[0]).toMatchObject({
      added: [{ path: '/meta', types: ['object'] }],
      changed: [{ path: '/a', before: ['string'], after: ['string', 'null'] }],
    });
  });

  it('compares shapes per status family: a 200 turning into a 500 is a status change, not drift', () => {
    const d = diff(
      [{ url: 'https://a.io/x', body: { id: 1 } }],
      [{ url: 'https://a.io/x', status: 500, body: { error: 'boom' } }],
    );
    expect(d.endpoints[0]!.shape).toEqual([]);
    expect(d.endpoints[0]!.statusMix).toBeDefined();
  });

  // A GraphQL endpoint: one query per shape. The organization query now fails; no 2xx body changed.
  it('calls no member removed that only the 2xx bodies turned 500 had, nor added the other way', () => {
    const url = 'https://a.io/graphql';
    const others = [
      { data: { viewer: { login: 'x' } } },
      { data: { repo: { id: 1 } } },
      { data: { rate: 1 } },
    ];
    const org = { data: { organization: { createdAt: 't', databaseId: 1 } } };
    const d = diff(
      [...others, org].map((body) => ({ url, method: 'POST', body })),
      [
        ...others.map((body) => ({ url, method: 'POST', body })),
        { url, method: 'POST', status: 500, body: org },
      ],
    );
    expect(endpoint(d, 'POST a.io/graphql')).toMatchObject({ change: 'changed', shape: [] });
    expect(endpoint(d, 'POST a.io/graphql').statusMix).toBeDefined();
    // The 500 that became a 200 again: its members are not "added".
    const again = diff(
      [
        ...others.map((body) => ({ url, method: 'POST', body })),
        { url, method: 'POST', status: 500, body: org },
      ],
      [...others, org].map((body) => ({ url, method: 'POST', body })),
    );
    expect(endpoint(again, 'POST a.io/graphql').shape).toEqual([]);
  });

  it('near miss: a member fewer bodies could not explain away is still removed (or added)', () => {
    const url = 'https://a.io/x';
    // In 5 of 10 bodies before, in none of the 9 after (one became a 500).
    const before = Array.from({ length: 10 }, (_, i) => ({
      url,
      body: i % 2 ? { id: i, note: 'n' } : { id: i },
    }));
    const after = [
      ...Array.from({ length: 9 }, (_, i) => ({ url, body: { id: i } })),
      { url, status: 500, body: { id: 9 } },
    ];
    expect(endpoint(diff(before, after), 'GET a.io/x').shape[0]!.removed).toEqual([
      { path: '/note', types: ['string'] },
    ]);
    // In every body after, though there were fewer of them.
    const added = diff(before, [{ url, body: { id: 1, extra: true } }]);
    expect(endpoint(added, 'GET a.io/x').shape[0]!.added).toEqual([{ path: '/extra', types: ['boolean'] }]);
  });

  // Petstore's findByStatus: the after side's only 2xx body had "photoUrls": [].
  it('calls no array item type removed or added when one side saw the array only empty', () => {
    const pet = (photoUrls: unknown[], tags: unknown[]) => ({ id: 1, photoUrls, tags });
    const emptied = diff(
      [{ url: 'https://a.io/pet/1', body: pet(['u'], [{ id: 1, name: 't' }]) }],
      [{ url: 'https://a.io/pet/1', body: pet([], []) }],
    );
    expect(emptied.endpoints[0]!.shape).toEqual([]);
    const filled = diff(
      [{ url: 'https://a.io/pet/1', body: pet([], []) }],
      [{ url: 'https://a.io/pet/1', body: pet(['u'], [{ id: 1 }]) }],
    );
    expect(filled.endpoints[0]!.shape).toEqual([]);
  });

  it('near miss: items gone where the array is gone, or no longer an array, are still reported', () => {
    const d = diff(
      [{ url: 'https://a.io/x', body: { urls: ['u'], tags: [{ id: 1 }], ids: [1] } }],
      [{ url: 'https://a.io/x', body: { tags: [], ids: 'none' } }],
    );
    expect(d.endpoints[0]!.shape[0]).toMatchObject({
      removed: [{ path: '/urls', types: ['array'] }],
      changed: [{ path: '/ids', before: ['array'], after: ['string'] }],
    });
    // An item member gone while items were seen is a removal.
    const member = diff(
      [{ url: 'https://a.io/x', body: { tags: [{ id: 1, name: 't' }] } }],
      [{ url: 'https://a.io/x', body: { tags: [{ id: 2 }] } }],
    );
    expect(member.endpoints[0]!.shape[0]!.removed).toEqual([{ path: '/tags/[]/name', types: ['string'] }]);
  });

  it('claims no removed members against a truncated shape', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}x`, i]));
    const d = diff([{ url: 'https://a.io/x', body: { only: 1 } }], [{ url: 'https://a.io/x', body: wide }]);
    const drift = d.endpoints[0]!.shape[0]!;
    expect(drift.partial).toBe(true);
    expect(drift.removed).toEqual([]);
  });

  it('reports latency p50/p95 and calls a big enough change slower or faster', () => {
    const times = (ms: number[]) => ms.map((time) => ({ url: 'https://a.io/x', time }));
    const slower = diff(times([100, 110, 120]), times([300, 310, 320]));
    expect(slower.endpoints[0]!.latency).toEqual({
      before: { samples: 3, p50: 110, p95: 120 },
      after: { samples: 3, p50: 310, p95: 320 },
      verdict: 'slower',
    });
    expect(diff(times([300]), times([100])).endpoints[0]!.latency!.verdict).toBe('faster');
    // 10 ms → 12 ms is 20% but not the 20 ms a person would notice; 100 → 110 is not 25%.
    expect(diff(times([10]), times([12])).endpoints[0]!.latency!.verdict).toBeUndefined();
    expect(diff(times([100]), times([110])).endpoints[0]!.change).toBe('unchanged');
  });

  it('redacts credentials in path segments before they become endpoint keys', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const s = summarise([{ url: `https://a.io/reset/${jwt}` }]);
    expect(s.endpoints[0]!.key).not.toContain(jwt);
  });

  it('counts requests past the endpoint cap instead of growing', () => {
    const s = summarise(
      [
        { url: 'https://a.io/a' },
        { url: 'https://a.io/b' },
        { url: 'https://a.io/c' },
        { url: 'https://a.io/a' },
      ],
      { maxEndpoints: 2 },
    );
    expect(s.endpoints.map((e) => e.key)).toEqual(['GET a.io/a', 'GET a.io/b']);
    expect(s).toMatchObject({ exchanges: 3, unsummarised: 1 });
  });

  it('compares a capture with itself as unchanged', () => {
    const calls: Call[] = [
      { url: 'https://a.io/u/1', body: { id: 1 }, time: 50, rules: [['http/date', 'info']] },
      { url: 'https://a.io/u/2', status: 404, body: { error: 'x' }, time: 5 },
    ];
    const d = diff(calls, calls);
    expect(d.endpoints.every((e) => e.change === 'unchanged')).toBe(true);
  });
});

describe('Markdown comparison', () => {
  it('escapes what comes from the recordings, so a path cannot become a link or HTML', () => {
    const d = diff([], [{ url: 'https://a.io/[x](javascript:alert(1))/<img>', body: { '<b>': 1 } }]);
    const report = captureDiffReport(d);
    const md = captureDiffMarkdown(report);
    expect(md).toContain('appeared');
    expect(md).not.toMatch(/\]\(javascript/);
    expect(md).not.toContain('<img>');
    expect(md).toContain('Profiles: none; failing at: error.');
    expect(captureDiffMarkdown({ ...report, profiles: ['problem', 'user:shop_v2'] })).toContain(
      'Profiles: problem, user\\:shop\\_v2;',
    );
  });

  it('lists endpoints with nothing more to say under one heading per kind, never as empty sections', () => {
    const d = diff(
      [{ url: 'https://a.io/old' }, { url: 'https://a.io/kept', status: 200 }],
      [
        { url: 'https://a.io/kept', status: 500 },
        { url: 'https://a.io/quiet' },
        { url: 'https://a.io/loud', rules: [['http/x', 'warning']] },
      ],
    );
    const md = captureDiffMarkdown(captureDiffReport(d));
    // Every heading has something under it before the next one.
    expect(md).not.toMatch(/^###[^\n]*\n\n(###|$)/m);
    expect(md).not.toMatch(/\n\n\n/);
    const sections = md.split(/^### /m).slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '🔄 GET a.io/kept \\(1 → 1 request\\)',
      '🆕 GET a.io/loud \\(new\\: 1 request\\)',
      '🆕 New endpoints without findings',
      '➖ Endpoints gone',
    ]);
    expect(sections[2]).toContain('\n- GET a.io/quiet \\(new\\: 1 request\\)\n');
    expect(sections[3]).toContain('\n- GET a.io/old \\(gone\\: had 1 request\\)\n');
  });
});

describe('an entry recorded without a URL', () => {
  it('is compared as the endpoint "(no URL)", not as a "/" route with no host', () => {
    const d = diff([{ url: '', status: 200 }], [{ url: '', status: 500 }]);
    expect(d.endpoints.map((e) => e.key)).toEqual(['GET (no URL)']);
    expect(endpoint(d, 'GET (no URL)').path).toBe('(no URL)');
  });
});
