import { describe, expect, it } from 'vitest';
import { searchCatalogue } from '../../../src/core/catalogue/index';
import { entriesByReason, lookUpCatalogue, reasonKey } from '../../../src/core/catalogue/lookup';
import { STATUS_CLASSES, statusClassNamed } from '../../../src/core/catalogue/classes';

const codes = (r: ReturnType<typeof lookUpCatalogue>) =>
  'entries' in r ? r.entries.map((e) => e.code) : r.kind === 'entry' ? [r.entry.code] : [];

/** What `status-lens explain ARG` finds for what a user types. */
describe('lookUpCatalogue', () => {
  it('finds codes and network errors as before', () => {
    expect(lookUpCatalogue('404')).toMatchObject({ kind: 'entry', entry: { code: 404 } });
    expect(lookUpCatalogue(' -1 ')).toMatchObject({ kind: 'entry', entry: { code: 0 } });
    expect(lookUpCatalogue('err_failed')).toMatchObject({
      kind: 'entry',
      entry: { code: 'net::ERR_FAILED' },
    });
    expect(lookUpCatalogue('INVALID_GRANT')).toMatchObject({ kind: 'oauth' });
  });

  it.each(['99', '1000', '-2', '99999999999999999999'])('says %s is not a status code', (arg) => {
    expect(lookUpCatalogue(arg)).toEqual({ kind: 'not-a-status-code' });
  });

  it.each(['4xx', '4XX', ' 4Xx '])('reads %s as the client error class, with every 4xx entry', (arg) => {
    const r = lookUpCatalogue(arg);
    expect(r).toMatchObject({
      kind: 'class',
      statusClass: '4xx',
      info: { name: 'Client Error', section: '15.5' },
    });
    expect(codes(r)).toEqual(searchCatalogue('4xx').map((e) => e.code));
    expect(codes(r)).toEqual(expect.arrayContaining([400, 404, 418, 429, 499]));
    expect(codes(r).every((c) => typeof c === 'number' && c >= 400 && c < 500)).toBe(true);
  });

  it('does not read 6xx or 0xx as a class', () => {
    expect(statusClassNamed('6xx')).toBeUndefined();
    expect(statusClassNamed('0xx')).toBeUndefined();
    expect(lookUpCatalogue('6xx').kind).not.toBe('class');
  });

  it.each(['Not Found', 'not found', 'NOT-FOUND', 'not_found', 'notfound', '  Not   Found '])(
    'reads the reason phrase %j as 404',
    (arg) => {
      expect(lookUpCatalogue(arg)).toMatchObject({ kind: 'entry', entry: { code: 404 } });
    },
  );

  it('reads former names and apostrophes as the code they named', () => {
    expect(lookUpCatalogue("I'm a teapot")).toMatchObject({ kind: 'entry', entry: { code: 418 } });
    expect(lookUpCatalogue('im a teapot')).toMatchObject({ kind: 'entry', entry: { code: 418 } });
    expect(lookUpCatalogue('Payload Too Large')).toMatchObject({ kind: 'entry', entry: { code: 413 } });
    expect(lookUpCatalogue('Multi-Status')).toMatchObject({ kind: 'entry', entry: { code: 207 } });
  });

  it('lists every entry bearing a phrase that several bear', () => {
    expect(lookUpCatalogue('Unauthorized')).toMatchObject({ kind: 'candidates', by: 'reason' });
    expect(codes(lookUpCatalogue('Unauthorized'))).toEqual([401, 561]);
    expect(codes(lookUpCatalogue('unused'))).toEqual([306, 418]);
    expect(codes(lookUpCatalogue('connection timed out'))).toEqual([522, 'net::ERR_CONNECTION_TIMED_OUT']);
  });

  it('keeps an OAuth code before the reason phrase it reads as (invalid_token, not 498)', () => {
    expect(lookUpCatalogue('invalid_token')).toMatchObject({ kind: 'oauth' });
    expect(lookUpCatalogue('Invalid Token')).toMatchObject({ kind: 'entry', entry: { code: 498 } });
  });

  it('lists what the catalogue search finds for words that are no phrase, best first', () => {
    expect(lookUpCatalogue('teapot')).toMatchObject({ kind: 'candidates', by: 'words' });
    expect(codes(lookUpCatalogue('teapot'))).toEqual([418]);
    const tooMany = codes(lookUpCatalogue('too many'));
    expect(tooMany.slice(0, 2)).toEqual([429, 463]);
    expect(tooMany).toContain('net::ERR_TOO_MANY_REDIRECTS');
    expect(codes(lookUpCatalogue('too-many'))).toEqual(tooMany);
  });

  it('names the reason phrase a typo is close to', () => {
    expect(lookUpCatalogue('Not Fuond')).toEqual({ kind: 'none', near: ['Not Found (404)'] });
    expect(lookUpCatalogue('gatway timeout')).toEqual({ kind: 'none', near: ['Gateway Timeout (504)'] });
  });

  it('suggests nothing for a short typo two edits from a phrase (4O4 is not OK)', () => {
    expect(lookUpCatalogue('4O4')).toEqual({ kind: 'none', near: [] });
  });

  it('names the OAuth code a typo is close to, or every one for what reads as one', () => {
    expect(lookUpCatalogue('invalid_grnt')).toEqual({ kind: 'none', near: ['invalid_grant'] });
    const r = lookUpCatalogue('bad_verification_code');
    expect(r).toMatchObject({ kind: 'none', near: [] });
    expect(r.kind === 'none' && r.oauthCodes).toContain('invalid_grant');
  });

  it('finds nothing for nonsense', () => {
    expect(lookUpCatalogue('zzqqxx')).toEqual({ kind: 'none', near: [] });
    expect(lookUpCatalogue('---')).toMatchObject({ kind: 'none' });
  });
});

describe('reasonKey and entriesByReason', () => {
  it('drop case, spaces, hyphens and punctuation', () => {
    expect(reasonKey("I'm a Teapot")).toBe('imateapot');
    expect(reasonKey('Non-Authoritative Information')).toBe(reasonKey('non authoritative information'));
    expect(entriesByReason('').length).toBe(0);
    expect(entriesByReason('   ').length).toBe(0);
  });
});

describe('STATUS_CLASSES', () => {
  it('links each class to its RFC 9110 section', () => {
    for (const [cls, info] of Object.entries(STATUS_CLASSES)) {
      expect(info.specUrl).toBe(`https://www.rfc-editor.org/rfc/rfc9110#section-15.${Number(cls[0]) + 1}`);
      expect(info.summary).toMatch(/\.$/);
    }
  });
});
