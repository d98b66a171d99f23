import { describe, expect, it } from 'vitest';
import {
  allEntries,
  explain,
  explainNetError,
  explainStatus,
  searchCatalogue,
} from '../../../src/core/catalogue/index';

describe('explainStatus', () => {
  it('returns the catalogue entry for known codes', () => {
    expect(explainStatus(404)).toMatchObject({
      code: 404,
      reason: 'Not Found',
      registry: 'iana',
      family: '4xx',
    });
    expect(explainStatus(520)).toMatchObject({ registry: 'unofficial', origin: 'Cloudflare' });
  });

  it('returns the browser entry for 0', () => {
    expect(explainStatus(0)).toMatchObject({ code: 0, registry: 'browser', family: 'failed' });
  });

  it('synthesises unassigned codes from their class', () => {
    const e = explainStatus(299);
    expect(e).toMatchObject({ code: 299, registry: 'unassigned', family: '2xx', reason: 'Unassigned' });
    expect(e.summary).toContain('200 OK');
    expect(e.retry).toEqual(explainStatus(200).retry);
    expect(explainStatus(598)).toMatchObject({ registry: 'unofficial' });
    expect(explainStatus(457)).toMatchObject({
      registry: 'unassigned',
      family: '4xx',
      origin: 'RFC 9110 §15.5',
    });
  });

  it('marks codes outside 100–599 invalid', () => {
    for (const code of [99, 600, 999, -1, 1.5, Number.NaN]) {
      const e = explainStatus(code);
      expect(e.registry, String(code)).toBe('invalid');
      expect(e.family, String(code)).toBe('unknown');
      expect(e.summary).toMatch(/100 to 599/);
    }
  });
});

describe("explain: Playwright's -1", () => {
  it('explains -1 as a request that got no response, as lint reads it', () => {
    expect(explain('-1')).toBe(explainStatus(0));
    expect(explain('-2')?.registry).toBe('invalid');
  });
});

describe('explainNetError', () => {
  it('accepts the name with or without net::, in any case, with spaces around', () => {
    for (const name of [
      'net::ERR_CONNECTION_REFUSED',
      'ERR_CONNECTION_REFUSED',
      'err_connection_refused',
      'NET::err_Connection_Refused',
      '  net::ERR_CONNECTION_REFUSED ',
    ]) {
      expect(explainNetError(name)?.code, name).toBe('net::ERR_CONNECTION_REFUSED');
    }
  });

  it('returns undefined for unknown or junk names', () => {
    for (const name of [
      'ERR_NOT_A_THING',
      'CONNECTION_REFUSED',
      'net::',
      '',
      'abc',
      'net::ERR_FAILED extra',
    ]) {
      expect(explainNetError(name), name).toBeUndefined();
    }
  });
});

describe('explain', () => {
  it('takes a number string or a network error name', () => {
    expect(explain('404')?.code).toBe(404);
    expect(explain(' 0 ')?.code).toBe(0);
    expect(explain('299')?.registry).toBe('unassigned');
    expect(explain('999')?.registry).toBe('invalid');
    expect(explain('net::ERR_FAILED')?.code).toBe('net::ERR_FAILED');
    expect(explain('err_aborted')?.code).toBe('net::ERR_ABORTED');
  });

  it('returns undefined for junk', () => {
    for (const junk of ['abc', '', '4o4', '404abc', '1e3', 'Not Found', '12345678901']) {
      expect(explain(junk), junk).toBeUndefined();
    }
  });
});

describe('allEntries', () => {
  it('lists status codes ascending, then network errors', () => {
    const all = allEntries();
    const firstNet = all.findIndex((e) => typeof e.code === 'string');
    const statuses = all.slice(0, firstNet).map((e) => e.code as number);
    expect(statuses[0]).toBe(0);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    expect(all.slice(firstNet).every((e) => typeof e.code === 'string')).toBe(true);
  });

  it('returns a fresh array each time', () => {
    const a = allEntries();
    a.length = 0;
    expect(allEntries().length).toBeGreaterThan(100);
  });
});

describe('searchCatalogue', () => {
  it('matches a code prefix', () => {
    expect(searchCatalogue('404').map((e) => e.code)).toEqual([404]);
    const codes = searchCatalogue('42').map((e) => e.code);
    expect(codes).toEqual([420, 421, 422, 423, 424, 425, 426, 428, 429]);
  });

  it('matches a class', () => {
    const fives = searchCatalogue('5xx');
    expect(fives.length).toBeGreaterThan(20);
    expect(fives.every((e) => e.family === '5xx')).toBe(true);
  });

  it('matches words in reason, former names, summary or meaning, case-insensitively', () => {
    expect(searchCatalogue('TEAPOT').map((e) => e.code)).toContain(418);
    expect(searchCatalogue('payload too large').map((e) => e.code)[0]).toBe(413);
    expect(searchCatalogue('rate limited').map((e) => e.code)).toEqual(expect.arrayContaining([429, 420]));
    expect(searchCatalogue('connection_refused').map((e) => e.code)).toEqual(['net::ERR_CONNECTION_REFUSED']);
    // A hyphen parts words as a space does: "not-found" finds what "not found" finds.
    expect(searchCatalogue('not-found').map((e) => e.code)).toEqual(
      searchCatalogue('not found').map((e) => e.code),
    );
    expect(searchCatalogue('not-found')[0]!.code).toBe(404);
    expect(searchCatalogue('multi-status')[0]!.code).toBe(207);
  });

  it('ranks name matches before matches in the text', () => {
    const codes = searchCatalogue('gateway').map((e) => e.code);
    expect(codes.slice(0, 2)).toEqual([502, 504]);
  });

  it('filters by family', () => {
    const hits = searchCatalogue('timeout', '5xx');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((e) => e.family === '5xx')).toBe(true);
    expect(searchCatalogue('', 'failed').every((e) => e.family === 'failed')).toBe(true);
    expect(searchCatalogue('refused', 'failed').map((e) => e.code)).toContain('net::ERR_CONNECTION_REFUSED');
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(searchCatalogue('  ')).toHaveLength(allEntries().length);
    expect(searchCatalogue('zzqqxx')).toEqual([]);
    expect(searchCatalogue('9')).toEqual([]);
  });
});
