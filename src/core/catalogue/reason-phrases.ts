/**
 * The IANA HTTP Status Code Registry's reason phrases, with former names that specs and
 * servers still send. https://www.iana.org/assignments/http-status-codes
 */
export const IANA_REASONS: Readonly<Record<number, { reason: string; formerNames?: string[] }>> = {
  100: { reason: 'Continue' },
  101: { reason: 'Switching Protocols' },
  102: { reason: 'Processing' },
  103: { reason: 'Early Hints' },
  200: { reason: 'OK' },
  201: { reason: 'Created' },
  202: { reason: 'Accepted' },
  203: { reason: 'Non-Authoritative Information' },
  204: { reason: 'No Content' },
  205: { reason: 'Reset Content' },
  206: { reason: 'Partial Content' },
  207: { reason: 'Multi-Status' },
  208: { reason: 'Already Reported' },
  226: { reason: 'IM Used' },
  300: { reason: 'Multiple Choices' },
  301: { reason: 'Moved Permanently' },
  302: { reason: 'Found', formerNames: ['Moved Temporarily'] },
  303: { reason: 'See Other' },
  304: { reason: 'Not Modified' },
  305: { reason: 'Use Proxy' },
  306: { reason: '(Unused)', formerNames: ['Switch Proxy'] },
  307: { reason: 'Temporary Redirect' },
  308: { reason: 'Permanent Redirect' },
  400: { reason: 'Bad Request' },
  401: { reason: 'Unauthorized' },
  402: { reason: 'Payment Required' },
  403: { reason: 'Forbidden' },
  404: { reason: 'Not Found' },
  405: { reason: 'Method Not Allowed' },
  406: { reason: 'Not Acceptable' },
  407: { reason: 'Proxy Authentication Required' },
  408: { reason: 'Request Timeout' },
  409: { reason: 'Conflict' },
  410: { reason: 'Gone' },
  411: { reason: 'Length Required' },
  412: { reason: 'Precondition Failed' },
  413: { reason: 'Content Too Large', formerNames: ['Payload Too Large', 'Request Entity Too Large'] },
  414: { reason: 'URI Too Long', formerNames: ['Request-URI Too Long'] },
  415: { reason: 'Unsupported Media Type' },
  416: { reason: 'Range Not Satisfiable', formerNames: ['Requested Range Not Satisfiable'] },
  417: { reason: 'Expectation Failed' },
  418: { reason: '(Unused)', formerNames: ["I'm a teapot"] },
  421: { reason: 'Misdirected Request' },
  422: { reason: 'Unprocessable Content', formerNames: ['Unprocessable Entity'] },
  423: { reason: 'Locked' },
  424: { reason: 'Failed Dependency' },
  425: { reason: 'Too Early' },
  426: { reason: 'Upgrade Required' },
  428: { reason: 'Precondition Required' },
  429: { reason: 'Too Many Requests' },
  431: { reason: 'Request Header Fields Too Large' },
  451: { reason: 'Unavailable For Legal Reasons' },
  500: { reason: 'Internal Server Error' },
  501: { reason: 'Not Implemented' },
  502: { reason: 'Bad Gateway' },
  503: { reason: 'Service Unavailable' },
  504: { reason: 'Gateway Timeout' },
  505: { reason: 'HTTP Version Not Supported' },
  506: { reason: 'Variant Also Negotiates' },
  507: { reason: 'Insufficient Storage' },
  508: { reason: 'Loop Detected' },
  510: { reason: 'Not Extended' },
  511: { reason: 'Network Authentication Required' },
};

/**
 * Codes the registry lists but no longer uses: marked "(Unused)" (306, 418), or deprecated or
 * obsoleted (305, 510). The one list: the catalogue's registry standing and http/status-obsolete
 * both read it, with the reason a client should not use the code.
 */
export const OBSOLETE_CODES: ReadonlyMap<number, { standing: 'unused' | 'obsolete'; why: string }> = new Map([
  [
    305,
    {
      standing: 'obsolete',
      why: '305 Use Proxy is deprecated (RFC 9110 §15.4.6): letting a response pick the proxy was a security hole, and browsers ignore it',
    },
  ],
  [
    306,
    {
      standing: 'unused',
      why: '306 is unused (RFC 9110 §15.4.7): it was "Switch Proxy" in an old draft and is now only reserved',
    },
  ],
  [
    418,
    {
      standing: 'unused',
      why: "418 is unused (RFC 9110 §15.5.19): it is reserved because of the April Fools' teapot joke (RFC 2324), not a real error",
    },
  ],
  [
    510,
    {
      standing: 'obsolete',
      why: '510 Not Extended is obsoleted: it belongs to the HTTP Extension Framework (RFC 2774), which has been moved to Historic',
    },
  ],
]);

/**
 * Provisional ("temporary") registrations: in the registry, but for an Internet-Draft that may
 * still change. 104 was registered 2024-11 for resumable uploads.
 */
export const TEMPORARY_CODES: ReadonlySet<number> = new Set([104]);

/** In the registry at all, permanently or provisionally. */
export function isRegisteredCode(code: number): boolean {
  return isIanaCode(code) || TEMPORARY_CODES.has(code);
}

export function isIanaCode(code: number): boolean {
  return Object.hasOwn(IANA_REASONS, code);
}

/** The registry's reason phrase and every former name, for comparisons. */
export function reasonNames(code: number): string[] {
  const r = isIanaCode(code) ? IANA_REASONS[code] : undefined;
  return r ? [r.reason, ...(r.formerNames ?? [])] : [];
}
