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

/**
 * Every Chromium network error a page's request can end with, by name and number, written out
 * from net/base/net_error_list.h (chromium/chromium, 2025) on purpose, not imported. Left out:
 * IO_PENDING (-1, not an error); file and socket plumbing that never ends a URL request
 * (-4, -5, -8, -11, -15 to -19, -23, -124, -133, -142, -147, -148, -160 to -163, -174, -176);
 * codes Chromium handles internally before a request finishes (-170, -178, -179, -372, the
 * cache's -403 to -413 except -410); CT log parsing (-168, -169, -171); HTTP/2 push and SPDY
 * leftovers (-332, -373, -374, -378); -379, used only by APIs that read the status themselves;
 * PAC_NOT_IN_DHCP (-348, proxy auto-detection only); FTP (-601 to -607, FTP support removed);
 * certificate manager imports (-701 to -716); and the DNS resolver's -800s, which requests
 * see as net::ERR_NAME_NOT_RESOLVED.
 */
const FETCH_NET_ERRORS: Record<string, number> = {
  FAILED: -2,
  ABORTED: -3,
  FILE_NOT_FOUND: -6,
  TIMED_OUT: -7,
  UNEXPECTED: -9,
  ACCESS_DENIED: -10,
  INSUFFICIENT_RESOURCES: -12,
  OUT_OF_MEMORY: -13,
  UPLOAD_FILE_CHANGED: -14,
  BLOCKED_BY_CLIENT: -20,
  NETWORK_CHANGED: -21,
  BLOCKED_BY_ADMINISTRATOR: -22,
  UPLOAD_STREAM_REWIND_NOT_SUPPORTED: -25,
  CONTEXT_SHUT_DOWN: -26,
  BLOCKED_BY_RESPONSE: -27,
  CLEARTEXT_NOT_PERMITTED: -29,
  BLOCKED_BY_CSP: -30,
  H2_OR_QUIC_REQUIRED: -31,
  BLOCKED_BY_ORB: -32,
  CONNECTION_CLOSED: -100,
  CONNECTION_RESET: -101,
  CONNECTION_REFUSED: -102,
  CONNECTION_ABORTED: -103,
  CONNECTION_FAILED: -104,
  NAME_NOT_RESOLVED: -105,
  INTERNET_DISCONNECTED: -106,
  SSL_PROTOCOL_ERROR: -107,
  ADDRESS_INVALID: -108,
  ADDRESS_UNREACHABLE: -109,
  SSL_CLIENT_AUTH_CERT_NEEDED: -110,
  TUNNEL_CONNECTION_FAILED: -111,
  NO_SSL_VERSIONS_ENABLED: -112,
  SSL_VERSION_OR_CIPHER_MISMATCH: -113,
  SSL_RENEGOTIATION_REQUESTED: -114,
  PROXY_AUTH_UNSUPPORTED: -115,
  BAD_SSL_CLIENT_AUTH_CERT: -117,
  CONNECTION_TIMED_OUT: -118,
  HOST_RESOLVER_QUEUE_TOO_LARGE: -119,
  SOCKS_CONNECTION_FAILED: -120,
  SOCKS_CONNECTION_HOST_UNREACHABLE: -121,
  ALPN_NEGOTIATION_FAILED: -122,
  SSL_NO_RENEGOTIATION: -123,
  SSL_DECOMPRESSION_FAILURE_ALERT: -125,
  SSL_BAD_RECORD_MAC_ALERT: -126,
  PROXY_AUTH_REQUESTED: -127,
  PROXY_CONNECTION_FAILED: -130,
  MANDATORY_PROXY_CONFIGURATION_FAILED: -131,
  SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED: -134,
  SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY: -135,
  PROXY_CERTIFICATE_INVALID: -136,
  NAME_RESOLUTION_FAILED: -137,
  NETWORK_ACCESS_DENIED: -138,
  TEMPORARILY_THROTTLED: -139,
  HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT: -140,
  SSL_CLIENT_AUTH_SIGNATURE_FAILED: -141,
  WS_PROTOCOL_ERROR: -145,
  SSL_BAD_PEER_PUBLIC_KEY: -149,
  SSL_PINNED_KEY_NOT_IN_CERT_CHAIN: -150,
  CLIENT_AUTH_CERT_TYPE_UNSUPPORTED: -151,
  SSL_DECRYPT_ERROR_ALERT: -153,
  WS_THROTTLE_QUEUE_TOO_LARGE: -154,
  SSL_SERVER_CERT_CHANGED: -156,
  SSL_UNRECOGNIZED_NAME_ALERT: -159,
  SSL_CLIENT_AUTH_CERT_BAD_FORMAT: -164,
  ICANN_NAME_COLLISION: -166,
  SSL_SERVER_CERT_BAD_FORMAT: -167,
  SSL_OBSOLETE_CIPHER: -172,
  WS_UPGRADE: -173,
  SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS: -177,
  TLS13_DOWNGRADE_DETECTED: -180,
  SSL_KEY_USAGE_INCOMPATIBLE: -181,
  INVALID_ECH_CONFIG_LIST: -182,
  ECH_NOT_NEGOTIATED: -183,
  ECH_FALLBACK_CERTIFICATE_INVALID: -184,
  CERT_COMMON_NAME_INVALID: -200,
  CERT_DATE_INVALID: -201,
  CERT_AUTHORITY_INVALID: -202,
  CERT_CONTAINS_ERRORS: -203,
  CERT_NO_REVOCATION_MECHANISM: -204,
  CERT_UNABLE_TO_CHECK_REVOCATION: -205,
  CERT_REVOKED: -206,
  CERT_INVALID: -207,
  CERT_WEAK_SIGNATURE_ALGORITHM: -208,
  CERT_NON_UNIQUE_NAME: -210,
  CERT_WEAK_KEY: -211,
  CERT_NAME_CONSTRAINT_VIOLATION: -212,
  CERT_VALIDITY_TOO_LONG: -213,
  CERTIFICATE_TRANSPARENCY_REQUIRED: -214,
  CERT_SYMANTEC_LEGACY: -215,
  CERT_KNOWN_INTERCEPTION_BLOCKED: -217,
  INVALID_URL: -300,
  DISALLOWED_URL_SCHEME: -301,
  UNKNOWN_URL_SCHEME: -302,
  INVALID_REDIRECT: -303,
  TOO_MANY_REDIRECTS: -310,
  UNSAFE_REDIRECT: -311,
  UNSAFE_PORT: -312,
  INVALID_RESPONSE: -320,
  INVALID_CHUNKED_ENCODING: -321,
  METHOD_NOT_SUPPORTED: -322,
  UNEXPECTED_PROXY_AUTH: -323,
  EMPTY_RESPONSE: -324,
  RESPONSE_HEADERS_TOO_BIG: -325,
  PAC_SCRIPT_FAILED: -327,
  REQUEST_RANGE_NOT_SATISFIABLE: -328,
  MALFORMED_IDENTITY: -329,
  CONTENT_DECODING_FAILED: -330,
  NETWORK_IO_SUSPENDED: -331,
  ENCODING_CONVERSION_FAILED: -333,
  NO_SUPPORTED_PROXIES: -336,
  HTTP2_PROTOCOL_ERROR: -337,
  INVALID_AUTH_CREDENTIALS: -338,
  UNSUPPORTED_AUTH_SCHEME: -339,
  ENCODING_DETECTION_FAILED: -340,
  MISSING_AUTH_CREDENTIALS: -341,
  UNEXPECTED_SECURITY_LIBRARY_STATUS: -342,
  MISCONFIGURED_AUTH_ENVIRONMENT: -343,
  UNDOCUMENTED_SECURITY_LIBRARY_STATUS: -344,
  RESPONSE_BODY_TOO_BIG_TO_DRAIN: -345,
  RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH: -346,
  INCOMPLETE_HTTP2_HEADERS: -347,
  RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION: -349,
  RESPONSE_HEADERS_MULTIPLE_LOCATION: -350,
  HTTP2_SERVER_REFUSED_STREAM: -351,
  HTTP2_PING_FAILED: -352,
  CONTENT_LENGTH_MISMATCH: -354,
  INCOMPLETE_CHUNKED_ENCODING: -355,
  QUIC_PROTOCOL_ERROR: -356,
  RESPONSE_HEADERS_TRUNCATED: -357,
  QUIC_HANDSHAKE_FAILED: -358,
  HTTP2_INADEQUATE_TRANSPORT_SECURITY: -360,
  HTTP2_FLOW_CONTROL_ERROR: -361,
  HTTP2_FRAME_SIZE_ERROR: -362,
  HTTP2_COMPRESSION_ERROR: -363,
  PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION: -364,
  HTTP_1_1_REQUIRED: -365,
  PROXY_HTTP_1_1_REQUIRED: -366,
  PAC_SCRIPT_TERMINATED: -367,
  INVALID_HTTP_RESPONSE: -370,
  CONTENT_DECODING_INIT_FAILED: -371,
  TOO_MANY_RETRIES: -375,
  HTTP2_STREAM_CLOSED: -376,
  HTTP2_CLIENT_REFUSED_STREAM: -377,
  QUIC_CERT_ROOT_NOT_KNOWN: -380,
  QUIC_GOAWAY_REQUEST_CAN_BE_RETRIED: -381,
  TOO_MANY_ACCEPT_CH_RESTARTS: -382,
  INCONSISTENT_IP_ADDRESS_SPACE: -383,
  CACHE_MISS: -400,
  CACHE_READ_FAILURE: -401,
  CACHE_AUTH_FAILURE_AFTER_READ: -410,
  INSECURE_RESPONSE: -501,
  INVALID_SIGNED_EXCHANGE: -504,
  INVALID_WEB_BUNDLE: -505,
  TRUST_TOKEN_OPERATION_FAILED: -506,
};

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

  // A code the registry leaves unassigned cannot be "defined by" it: 509, 598 and 599 once
  // linked the IANA registry, which lists them as unassigned. A vendor's page, or a record of
  // the convention where no vendor publishes one.
  it('never links the IANA registry as the definition of an unofficial code', () => {
    const unofficial = statusEntries.filter((e) => e.registry === 'unofficial');
    expect(unofficial.length).toBe(Object.keys(UNOFFICIAL_ORIGINS).length);
    for (const e of unofficial)
      expect(new URL(e.specUrl).hostname, String(e.code)).not.toMatch(/(^|\.)iana\.org$/);
    expect(byCode.get(509)?.specUrl).toBe(
      'https://en.wikipedia.org/wiki/List_of_HTTP_status_codes#Unofficial_codes',
    );
  });

  it('has status 0 as the browser entry', () => {
    expect(byCode.get(0)).toMatchObject({ registry: 'browser', family: 'failed' });
  });

  it('has every Chromium network error a request can end with, numbered as in net_error_list.h', () => {
    const byName = new Map(netEntries.map((e) => [e.code, e]));
    const missing = Object.keys(FETCH_NET_ERRORS).filter((n) => !byName.has(`net::ERR_${n}`));
    expect(missing).toEqual([]);
    for (const [name, num] of Object.entries(FETCH_NET_ERRORS)) {
      expect(byName.get(`net::ERR_${name}`)?.origin, name).toBe(`Chromium net error ${num}`);
    }
    expect(Object.keys(FETCH_NET_ERRORS).length).toBeGreaterThanOrEqual(150);
  });

  it('explains net::ERR_UNEXPECTED_PROXY_AUTH (a 407 from a server that is not a proxy)', () => {
    const entry = netEntries.find((e) => e.code === 'net::ERR_UNEXPECTED_PROXY_AUTH');
    expect(entry).toMatchObject({ origin: 'Chromium net error -323', family: 'failed' });
    expect(entry?.meaning).toContain('407');
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
