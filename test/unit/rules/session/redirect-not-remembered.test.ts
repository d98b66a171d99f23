import rule from '../../../../src/core/rules/session/redirect-not-remembered';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const old = 'https://api.example.com/v1/things';
/** A script's GET of the old URL, answered 301 to the new one. */
const moved = (at: number, extra: object = {}) => ({
  at,
  url: old,
  status: 301,
  resourceType: 'fetch',
  headers: { Location: '/v2/things' },
  ...extra,
});
const fresh = (at: number) => ({ at, url: 'https://api.example.com/v2/things', resourceType: 'fetch' });

// A regional API (CrowdStrike): every call to the global host is sent on to the tenant's region.
const global = 'https://api.crowdstrike.com';
const region = 'https://api.us-2.crowdstrike.com';
const toRegion = (at: number, path: string, extra: object = {}) => ({
  at,
  url: `${global}${path}`,
  status: 308,
  headers: { Location: `${region}${path}` },
  ...extra,
});
const inRegion = (at: number, path: string) => ({ at, url: `${region}${path}` });

sessionRuleTester(rule, {
  valid: [
    { name: 'moved once, then the new URL is called', sequence: [moved(0), fresh(60), fresh(1000)] },
    {
      name: 'the repeat answered from the browser’s cache: it remembered the redirect',
      sequence: [
        moved(0),
        fresh(60),
        moved(2000, { fromCache: 'disk', duration: 2, timings: { send: 0, wait: 1, receive: 1 } }),
        fresh(2010),
      ],
    },
    {
      // Firefox has no `_fromCache`: a cached entry takes exactly 0 ms, with empty timings.
      name: 'the repeat answered from Firefox’s cache (0 ms)',
      sequence: [moved(0), fresh(60), moved(2000, { duration: 0, timings: {} }), fresh(2010)],
    },
    {
      name: 'near miss: the repeat with DevTools’ “Disable cache” (Cache-Control: no-cache, Pragma: no-cache)',
      sequence: [
        moved(0),
        moved(2000, { requestHeaders: { 'Cache-Control': 'no-cache', Pragma: 'no-cache' } }),
      ],
    },
    {
      name: 'the server said not to keep the redirect (no-store)',
      sequence: [moved(0, { headers: { Location: '/v2/things', 'Cache-Control': 'no-store' } }), moved(2000)],
    },
    {
      name: 'near miss: the second request started before the first redirect arrived',
      sequence: [moved(0, { duration: 300 }), moved(100)],
    },
    {
      name: 'the first redirect’s duration unknown: nothing says its answer had arrived',
      sequence: [moved(0, { duration: -1 }), moved(2000)],
    },
    {
      name: 'a temporary redirect (302, 307) is for this time only',
      sequence: [moved(0, { status: 302 }), moved(2000, { status: 302 }), moved(4000, { status: 307 })],
    },
    {
      name: 'near miss: a 301 without Location told the client nothing',
      sequence: [moved(0, { headers: {} }), moved(2000, { headers: {} })],
    },
    {
      name: 'the repeat answered 200: the server no longer redirects it',
      sequence: [moved(0), moved(2000, { status: 200, headers: {} })],
    },
    {
      name: 'another method on the same URL',
      sequence: [moved(0), moved(2000, { method: 'HEAD' })],
    },
    {
      name: 'a page the browser loads itself (trailing-slash redirect of a document)',
      sequence: [
        moved(0, { resourceType: 'document', headers: { Location: '/v1/things/' } }),
        moved(2000, { resourceType: 'document', headers: { Location: '/v1/things/' } }),
      ],
    },
    {
      name: 'again after the session window',
      window: { ms: 60_000, entries: 1000 },
      sequence: [moved(0), moved(60_100)],
    },
    {
      name: 'host move followed: every later call goes to the new host',
      sequence: [
        toRegion(0, '/oauth2/token', { method: 'POST' }),
        inRegion(100, '/oauth2/token'),
        inRegion(500, '/zero-trust-assessment/queries/assessments/v1'),
        inRegion(900, '/zero-trust-assessment/entities/assessments/v1?ids=4a'),
      ],
    },
    {
      name: 'near miss: login redirects with different paths to the same new origin',
      sequence: [
        moved(0, {
          url: 'https://app.example.com/a',
          headers: { Location: 'https://sso.example.com/login' },
        }),
        moved(2000, {
          url: 'https://app.example.com/b',
          headers: { Location: 'https://sso.example.com/login' },
        }),
      ],
    },
    {
      name: 'near miss: trailing-slash redirects of two paths on one origin',
      sequence: [
        moved(0, { url: 'https://api.example.com/a', headers: { Location: '/a/' } }),
        moved(2000, { url: 'https://api.example.com/b', headers: { Location: '/b/' } }),
      ],
    },
    {
      name: 'near miss: the old host sends two paths to two different new hosts',
      sequence: [
        toRegion(0, '/a'),
        toRegion(2000, '/b', { headers: { Location: 'https://api.eu-1.crowdstrike.com/b' } }),
      ],
    },
    {
      name: 'near miss: calls to the old host fired together, before the first move was known',
      sequence: [toRegion(0, '/a', { duration: 800 }), toRegion(10, '/b'), toRegion(20, '/c')],
    },
    {
      name: 'http→https upgrades of pages the browser follows (Accept: text/html, no resource type)',
      sequence: [
        {
          at: 0,
          url: 'http://www.example.com/',
          status: 301,
          headers: { Location: 'https://www.example.com/' },
          requestHeaders: { Accept: 'text/html,application/xhtml+xml' },
        },
        {
          at: 1000,
          url: 'http://www.example.com/news',
          status: 301,
          headers: { Location: 'https://www.example.com/news' },
          requestHeaders: { Accept: 'text/html,application/xhtml+xml' },
        },
      ],
    },
    {
      name: 'the second move from the old host answered from the browser’s cache',
      sequence: [toRegion(0, '/a'), toRegion(2000, '/b', { fromCache: 'memory' })],
    },
  ],
  invalid: [
    {
      name: 'the same GET redirected again: the client did not remember the move',
      sequence: [moved(0), fresh(60), moved(2000), fresh(2060)],
      findings: [
        {
          on: 2,
          severity: 'info',
          related: [0],
          message: ['GET /v1/things was answered 301 again', '#0', '301 Moved Permanently to /v2/things'],
        },
      ],
    },
    {
      name: 'near miss: the repeat starts exactly when the first redirect was complete',
      sequence: [moved(0, { duration: 300 }), moved(300)],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
    {
      name: 'a 308 POST sent to the old URL three times: reported once, on the first repeat',
      sequence: [
        moved(0, { method: 'POST', status: 308 }),
        moved(1000, { method: 'POST', status: 308 }),
        moved(2000, { method: 'POST', status: 308 }),
      ],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['POST /v1/things', '308 Permanent Redirect', 'Reported once for this request'],
        },
      ],
    },
    {
      name: 'the repeat of a cross-origin move names the new origin',
      sequence: [
        moved(0, { headers: { Location: 'https://new.example.com/v1/things' } }),
        moved(5000, { headers: { Location: 'https://new.example.com/v1/things' } }),
      ],
      findings: [{ on: 1, severity: 'info', related: [0], message: 'to https://new.example.com/v1/things' }],
    },
    {
      name: 'a regional API: each call to the old host redirected (308) to the region, reported once',
      sequence: [
        toRegion(0, '/oauth2/token', { method: 'POST' }),
        inRegion(1300, '/oauth2/token'),
        toRegion(2300, '/zero-trust-assessment/queries/assessments/v1?limit=250'),
        inRegion(3200, '/zero-trust-assessment/queries/assessments/v1?limit=250'),
        toRegion(4300, '/zero-trust-assessment/entities/assessments/v1?ids=4a'),
        inRegion(5200, '/zero-trust-assessment/entities/assessments/v1?ids=4a'),
      ],
      findings: [
        {
          on: 2,
          severity: 'info',
          related: [0],
          message: [
            'GET /zero-trust-assessment/queries/assessments/v1?limit=250 went to https://api.crowdstrike.com',
            'redirected (308) to https://api.us-2.crowdstrike.com',
            'like POST /oauth2/token (#0)',
            'Call https://api.us-2.crowdstrike.com directly',
            'Reported once for https://api.crowdstrike.com, not on each call that follows',
          ],
        },
      ],
    },
    {
      // j1crowdstrike_apps-429-ratelimit-retryafter.har: 16 calls to the old host, one fact.
      name: 'a client that never learns: later paths and repeats of reported calls say nothing new',
      sequence: [
        toRegion(0, '/oauth2/token', { method: 'POST' }),
        toRegion(2000, '/a'),
        toRegion(3000, '/b'),
        toRegion(4000, '/a'),
        toRegion(5000, '/c'),
        toRegion(6000, '/b'),
      ],
      findings: [{ on: 1, severity: 'info', related: [0], message: 'like POST /oauth2/token (#0)' }],
    },
    {
      name: 'near miss: another old origin is another fact, reported once too',
      sequence: [
        toRegion(0, '/oauth2/token', { method: 'POST' }),
        toRegion(1000, '/a'),
        ...['/x', '/y', '/z'].map((path, i) => ({
          ...toRegion(2000 + i * 1000, path),
          url: `https://old.example.com${path}`,
          headers: { Location: `https://new.example.com${path}` },
        })),
      ],
      findings: [
        { on: 1, severity: 'info', related: [0], message: 'went to https://api.crowdstrike.com' },
        { on: 3, severity: 'info', related: [2], message: 'went to https://old.example.com' },
      ],
    },
    {
      name: 'a script calling http:// on every path, upgraded each time to https',
      sequence: [
        {
          ...toRegion(0, '/a'),
          url: 'http://api.example.com/a',
          headers: { Location: 'https://api.example.com/a' },
        },
        {
          ...toRegion(1000, '/b'),
          url: 'http://api.example.com/b',
          headers: { Location: 'https://api.example.com/b' },
        },
      ],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['went to http://api.example.com', 'to https://api.example.com'],
        },
      ],
    },
    {
      name: 'the same request again after the host move was reported: the same fact, not said again',
      sequence: [toRegion(0, '/a'), toRegion(1000, '/b'), toRegion(2000, '/a')],
      findings: [{ on: 1, severity: 'info', related: [0], message: 'went to https://api.crowdstrike.com' }],
    },
    {
      name: 'a repeat reported first counts for the host move too',
      sequence: [toRegion(0, '/a'), toRegion(1000, '/a'), toRegion(2000, '/b')],
      findings: [{ on: 1, severity: 'info', related: [0], message: 'GET /a was answered 308 again' }],
    },
  ],
});
