import { describe, expect, it } from 'vitest';
import { groupEndpoints } from '../../../src/core/endpoints/grouper';
import { exchangeRoute, routeTemplate } from '../../../src/core/endpoints/route-template';
import { NO_URL } from '../../../src/core/exchange/url';
import { matchesQuery, parseQuery, propTerm } from '../../../src/core/filter/query';
import { makeExchange } from '../../helpers/exchange';

describe('routeTemplate', () => {
  it.each([
    ['https://a.io/users/42', '/users/{id}'],
    ['https://a.io/users/42/orders/7?x=1', '/users/{id}/orders/{id}'],
    ['https://a.io/vm/3fa85f64-5717-4562-b3fc-2c963f66afa6', '/vm/{id}'],
    ['https://a.io/commits/9fceb02d0ae598e95dc970b74767f19372d61af8', '/commits/{id}'],
    ['https://a.io/objects/507f1f77bcf86cd799439011', '/objects/{id}'],
    ['https://a.io/users/me', '/users/me'],
    ['https://a.io/v2/status', '/v2/status'],
    ['https://a.io/', '/'],
  ])('%s → %s', (url, path) => {
    expect(routeTemplate(url).path).toBe(path);
  });
  it('copes with URLs that do not parse and bad escapes', () => {
    expect(routeTemplate('not a url/12').path).toBe('not a url/{id}');
    expect(routeTemplate('https://a.io/%E0%A4%A/1').path).toBe('/%E0%A4%A/{id}');
  });
});

describe('groupEndpoints', () => {
  it('groups by method and template, counting families and rules, worst first', () => {
    const groups = groupEndpoints([
      { exchange: makeExchange({ url: 'https://a.io/users/1', status: 200 }), findings: [] },
      { exchange: makeExchange({ url: 'https://a.io/users/2', status: 404 }), findings: [] },
      {
        exchange: makeExchange({ method: 'POST', url: 'https://a.io/users', status: 201 }),
        findings: [
          { rule: 'http/created-location', severity: 'error', message: '', source: { label: '', url: '' } },
        ],
      },
    ]);
    expect(groups.map((g) => g.key)).toEqual(['POST a.io/users', 'GET a.io/users/{id}']);
    expect(groups[1]!.families['2xx']).toBe(1);
    expect(groups[1]!.families['4xx']).toBe(1);
    expect(groups[0]!.rules).toEqual({ 'http/created-location': 1 });
  });
});

describe('an entry recorded without a URL (a HAR whose request.url is empty)', () => {
  const noUrl = (status: number) => ({ exchange: makeExchange({ url: '', status }), findings: [] });

  it('is its own endpoint, "(no URL)" with no host, not a "/" route it never requested', () => {
    const groups = groupEndpoints([
      noUrl(200),
      noUrl(500),
      { exchange: makeExchange({ url: 'https://a.io/', status: 200 }), findings: [] },
    ]);
    expect(groups.map((g) => [g.key, g.host, g.path, g.count])).toEqual([
      ['GET (no URL)', '', '(no URL)', 2],
      ['GET a.io/', 'a.io', '/', 1],
    ]);
  });

  it('is matched by route:"(no URL)", which is what narrowing to its endpoint searches for', () => {
    const q = parseQuery(propTerm('route', NO_URL)!);
    expect(matchesQuery(q, noUrl(200))).toBe(true);
    expect(
      matchesQuery(q, { exchange: makeExchange({ url: 'https://a.io/', status: 200 }), findings: [] }),
    ).toBe(false);
    expect(matchesQuery(parseQuery('route:/'), noUrl(200))).toBe(false);
  });

  it('keeps a relative URL a recorder wrote as the route it names', () => {
    expect(exchangeRoute('users/42')).toEqual({ host: '', path: 'users/{id}' });
  });
});
