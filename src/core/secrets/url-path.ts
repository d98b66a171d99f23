/*
 * Credentials a URL carries in its path rather than its query: ASP.NET's cookieless state and
 * `;name=value` path parameters (`;jsessionid=…`). One definition each, read by export redaction
 * (redact-text.ts, export/redact.ts) to hide them and by `security/secret-in-url` to report them,
 * so what an export hides and what the rule reports cannot drift apart.
 */

/** The credentials ASP.NET's cookieless mode writes into a URL, by the letter that opens each. */
export type CookielessKind = 'S' | 'A' | 'F';

export const COOKIELESS: Readonly<Record<CookielessKind, { label: string; setting: string }>> = {
  S: { label: 'ASP.NET cookieless session id', setting: '<sessionState cookieless="UseCookies">' },
  A: {
    label: 'ASP.NET cookieless anonymous-identification ticket',
    setting: '<anonymousIdentification cookieless="UseCookies">',
  },
  F: { label: 'ASP.NET cookieless forms-authentication ticket', setting: '<forms cookieless="UseCookies">' },
};

/**
 * ASP.NET's cookieless state, a path segment such as `/(X(1)S(pvnzao4525kprh2z121oqv55))/`: `S`
 * is the session id, `A` the anonymous identification ticket, `F` the forms-authentication ticket,
 * each a credential that a site without cookies carries in every URL, and so in every redirect
 * and link it writes (a real capture, harviewer_cnn.har: bango.net's Location and its "Object
 * moved" page). `X(1)` only says cookies were probed for, so it stays. A shape, not a name: it is
 * found in URLs, headers and bodies alike. The segment is a whole one: `/(` opens it and `)/`
 * closes it, and each part is one capital letter and a parenthesised value.
 */
const ASPNET_COOKIELESS = /\/\((?:[A-Z]\([^()/\s"'<>]{1,2000}\)){1,8}\)(?=\/)/g;
const ASPNET_CREDENTIAL = /([SAF])\(([^()]+)\)/g;

export interface CookielessMatch {
  kind: CookielessKind;
  /** UTF-16 offset of the credential (inside its parentheses) in the scanned text. */
  index: number;
  length: number;
}

/** Every cookieless credential in `text`, in order. Linear in the text. */
export function findCookieless(text: string): CookielessMatch[] {
  const out: CookielessMatch[] = [];
  if (!text.includes('/(')) return out;
  const re = ASPNET_COOKIELESS;
  re.lastIndex = 0; // shared /g regexes; safe because the loops never yield
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const inner = ASPNET_CREDENTIAL;
    inner.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = inner.exec(m[0])) !== null) {
      out.push({ kind: c[1] as CookielessKind, index: m.index + c.index + 2, length: c[2]!.length });
    }
  }
  return out;
}

/** `;name=value` path parameters (RFC 3986 §3.3): the servlet session's `;jsessionid=…` above all. */
const PATH_PARAM = /;([^;/=?#]{1,64})=([^;/?#]*)/g;

export interface PathParam {
  /** The name as written (still percent-encoded). */
  name: string;
  /** UTF-16 offset of the value in the scanned path. */
  index: number;
  length: number;
}

/** The `;name=value` parameters of a URL's path (pass the part before `?` and `#`), in order. */
export function pathParams(path: string): PathParam[] {
  const out: PathParam[] = [];
  if (!path.includes(';')) return out;
  const re = PATH_PARAM;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    out.push({ name: m[1]!, index: m.index + m[0].length - m[2]!.length, length: m[2]!.length });
  }
  return out;
}
