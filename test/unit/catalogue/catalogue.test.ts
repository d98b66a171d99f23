import { describe, expect, it } from 'vitest';
import { allEntries, explainStatus } from '../../../src/core/catalogue/index';
import { UNOFFICIAL_ORIGINS } from '../../../src/core/catalogue/unofficial';
import type { CatalogueEntry } from '../../../src/core/catalogue/types';

/**
 * The IANA HTTP Status Code Registry, written out here on purpose (not imported from the
 * catalogue) so that a code dropped from the data cannot silently drop out of the test too.
 */
const REGISTRY: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  306: '(Unused)',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: '(Unused)',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};
const REGISTRY_CODES = Object.keys(REGISTRY).map(Number);

const REQUIRED_NET_ERRORS = [
  'CONNECTION_REFUSED',
  'NAME_NOT_RESOLVED',
  'CONNECTION_RESET',
  'TIMED_OUT',
  'CONNECTION_TIMED_OUT',
  'INTERNET_DISCONNECTED',
  'ABORTED',
  'BLOCKED_BY_CLIENT',
  'BLOCKED_BY_RESPONSE',
  'FAILED',
  'CERT_AUTHORITY_INVALID',
  'CERT_DATE_INVALID',
  'CERT_COMMON_NAME_INVALID',
  'SSL_PROTOCOL_ERROR',
  'TOO_MANY_REDIRECTS',
  'EMPTY_RESPONSE',
  'CONTENT_LENGTH_MISMATCH',
  'HTTP2_PROTOCOL_ERROR',
  'INSUFFICIENT_RESOURCES',
  'UNSAFE_PORT',
  'NETWORK_CHANGED',
  'ADDRESS_UNREACHABLE',
  'CONNECTION_CLOSED',
  'CERT_REVOKED',
  'SSL_VERSION_OR_CIPHER_MISMATCH',
  'BLOCKED_BY_ORB',
  'CACHE_MISS',
  'INVALID_RESPONSE',
  'QUIC_PROTOCOL_ERROR',
].map((n) => `net::ERR_${n}`);

const entries = allEntries();
const statusEntries = entries.filter(
  (e): e is CatalogueEntry & { code: number } => typeof e.code === 'number',
);
const netEntries = entries.filter((e) => typeof e.code === 'string');
const byCode = new Map(statusEntries.map((e) => [e.code, e]));

describe('coverage', () => {
  it('has all 63 registry codes', () => {
    expect(REGISTRY_CODES).toHaveLength(63);
    const missing = REGISTRY_CODES.filter((c) => !byCode.has(c));
    expect(missing).toEqual([]);
  });

  it('uses the registry reason phrase for every registry code', () => {
    for (const code of REGISTRY_CODES) expect(byCode.get(code)?.reason, String(code)).toBe(REGISTRY[code]);
  });

  it('marks registry standing: iana, unused (306, 418), obsolete (305, 510)', () => {
    for (const code of REGISTRY_CODES) {
      const expected = [306, 418].includes(code) ? 'unused' : [305, 510].includes(code) ? 'obsolete' : 'iana';
      expect(byCode.get(code)?.registry, String(code)).toBe(expected);
    }
  });

  it('has 104 as a temporary registration', () => {
    expect(byCode.get(104)).toMatchObject({ reason: 'Upload Resumption Supported', registry: 'temporary' });
  });

  it('has every unofficial code, with its vendor as origin', () => {
    for (const [code, known] of Object.entries(UNOFFICIAL_ORIGINS)) {
      const entry = byCode.get(Number(code));
      expect(entry, code).toBeDefined();
      expect(entry).toMatchObject({ registry: 'unofficial', origin: known.origin, reason: known.reason });
    }
  });

  it('has status 0 as the browser entry', () => {
    expect(byCode.get(0)).toMatchObject({ registry: 'browser', family: 'failed' });
  });

  it('has the required Chromium network errors', () => {
    const names = new Set(netEntries.map((e) => e.code));
    expect(REQUIRED_NET_ERRORS.filter((n) => !names.has(n))).toEqual([]);
    for (const e of netEntries) expect(e).toMatchObject({ family: 'failed', registry: 'browser' });
  });

  it('has nothing but registry, unofficial, 104 and 0 among status codes', () => {
    const allowed = new Set([0, 104, ...REGISTRY_CODES, ...Object.keys(UNOFFICIAL_ORIGINS).map(Number)]);
    expect(statusEntries.filter((e) => !allowed.has(e.code)).map((e) => e.code)).toEqual([]);
  });
});

describe('integrity', () => {
  it('has no duplicate codes', () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills every field', () => {
    for (const e of entries) {
      const where = String(e.code);
      for (const field of ['reason', 'origin', 'summary', 'meaning', 'action', 'specUrl'] as const) {
        expect(e[field].trim(), `${where} ${field}`).not.toBe('');
      }
      expect(e.retry.note.trim(), where).not.toBe('');
      expect(e.retry.advice, where).toBeTruthy();
      expect(e.causes.length, where).toBeGreaterThanOrEqual(2);
      expect(e.causes.length, where).toBeLessThanOrEqual(4);
      // formerNames and headers are legitimately empty for many codes, but never hold blanks.
      for (const s of [...e.causes, ...e.formerNames, ...e.headers]) expect(s.trim(), where).not.toBe('');
      expect(e.profiles, where).toBeTypeOf('object');
      for (const note of Object.values(e.profiles)) expect(note?.trim(), where).toBeTruthy();
    }
  });

  it('keeps summaries short and distinct', () => {
    const seen = new Map<string, string | number>();
    for (const e of entries) {
      expect(e.summary.length, `${e.code}: ${e.summary}`).toBeLessThanOrEqual(90);
      expect(seen.get(e.summary), `${e.code} repeats a summary`).toBeUndefined();
      seen.set(e.summary, e.code);
    }
  });

  it('keeps meanings to one to three sentences', () => {
    for (const e of entries) {
      const sentences = e.meaning.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length, String(e.code)).toBeLessThanOrEqual(3);
    }
  });

  it('gives each status code the family of its first digit', () => {
    for (const e of statusEntries) {
      expect(e.family, String(e.code)).toBe(e.code === 0 ? 'failed' : `${String(e.code)[0]}xx`);
    }
  });

  it('links to https sources, and to rfc-editor section anchors for RFC 9110 codes', () => {
    for (const e of entries) expect(e.specUrl, String(e.code)).toMatch(/^https:\/\//);
    for (const e of statusEntries.filter((s) => s.origin.startsWith('RFC 9110'))) {
      const section = e.origin.slice('RFC 9110 §'.length);
      expect(e.specUrl).toBe(`https://www.rfc-editor.org/rfc/rfc9110#section-${section}`);
    }
    expect(byCode.get(404)).toMatchObject({
      origin: 'RFC 9110 §15.5.5',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5',
    });
    expect(byCode.get(429)?.origin).toBe('RFC 6585 §4');
  });

  it('keeps former names for 413, 416 and 422', () => {
    expect(byCode.get(413)?.formerNames).toEqual(
      expect.arrayContaining(['Payload Too Large', 'Request Entity Too Large']),
    );
    expect(byCode.get(416)?.formerNames).toContain('Requested Range Not Satisfiable');
    expect(byCode.get(422)?.formerNames).toContain('Unprocessable Entity');
    expect(byCode.get(418)?.formerNames).toContain("I'm a teapot");
  });

  it('names the headers that belong with key codes', () => {
    const expectHeaders: [number, string][] = [
      [201, 'Location'],
      [301, 'Location'],
      [401, 'WWW-Authenticate'],
      [405, 'Allow'],
      [407, 'Proxy-Authenticate'],
      [416, 'Content-Range'],
      [426, 'Upgrade'],
      [429, 'Retry-After'],
      [503, 'Retry-After'],
      [520, 'CF-RAY'],
    ];
    for (const [code, header] of expectHeaders)
      expect(byCode.get(code)?.headers, String(code)).toContain(header);
  });

  it('records the profile meanings from the API guides', () => {
    expect(byCode.get(202)?.profiles.envelope).toContain('queue_token');
    expect(byCode.get(406)?.profiles.envelope).toContain('application/json');
    expect(byCode.get(409)?.profiles.envelope).toMatch(/blocked/);
    expect(byCode.get(412)?.profiles.envelope).toMatch(/depends on/);
    expect(byCode.get(416)?.profiles.envelope).toMatch(/pagination/);
    expect(byCode.get(417)?.profiles.envelope).toMatch(/application error/);
    expect(byCode.get(400)?.profiles.envelope).toContain('errors');
    expect(byCode.get(200)?.profiles.problem).toMatch(/already created/);
    expect(byCode.get(200)?.profiles.hal).toMatch(/already created/);
    expect(byCode.get(413)?.profiles.problem).toMatch(/limits/);
    expect(byCode.get(422)?.profiles.problem).toMatch(/business validation/);
    expect(byCode.get(422)?.profiles.problem).toMatch(/problem-shaped/);
    expect(byCode.get(400)?.profiles.problem).toMatch(/problem-shaped/);
    for (const profile of ['envelope', 'problem'] as const) {
      const note = byCode.get(401)?.profiles[profile] ?? '';
      for (const word of ['missing', 'expired', 'environment', 'revoked', 'new token'])
        expect(note).toContain(word);
    }
  });

  it('hands out entries that cannot be changed by a caller', () => {
    const entry = explainStatus(404);
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry.causes)).toBe(true);
  });
});
