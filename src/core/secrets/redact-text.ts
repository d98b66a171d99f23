import { findJwts, findSecrets } from './patterns';
import { isCredentialHeaderName, isSecretMemberName, isSecretParamName } from './names';
import { findCookieless } from './url-path';

export const REDACTED = '[REDACTED]';

/** How far past a PEM header to look for its END line before giving up. */
const PEM_SPAN_CAP = 64 * 1024;
/**
 * Base64 lines of a PEM block, also when written inside a JSON string ("\n" escapes). Lines are
 * joined by exactly one line break, so a blank line or prose ends the match; the separator is
 * mandatory between runs, which keeps the pattern unambiguous (no backtracking blow-up).
 */
const PEM_BODY =
  /^(?:\r?\n|(?:\\r)?\\n)?[A-Za-z0-9+/=]*(?:(?:\r?\n|(?:\\r)?\\n)[A-Za-z0-9+/=]+)*(?:\r?\n|(?:\\r)?\\n)?/;
const END_LABEL = /^[A-Z0-9 ]{1,100}-----/;

/**
 * Where the next `-----END ` line is, searched for at most once per position: a text of many PEM
 * headers without END lines would otherwise be rescanned to its end once per header (quadratic:
 * 14.6 s for 1 MB). The search only moves forward, so the total work stays linear.
 */
function endFinder(text: string): (from: number) => number {
  let found = -2; // not searched yet
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf('-----END ', from);
    return found;
  };
}

/** The end of a PEM block that starts at `start`: its END line, or failing that the run of base64 after the header. */
function pemEnd(text: string, start: number, headerEnd: number, nextEnd: (from: number) => number): number {
  const endAt = nextEnd(headerEnd);
  if (endAt >= 0 && endAt - start < PEM_SPAN_CAP) {
    // The END line's label and closing dashes, read in a bounded window: an END line that never
    // closes must not cost a scan per header.
    const close = END_LABEL.exec(text.slice(endAt + 9, endAt + 120));
    if (close) return endAt + 9 + close[0].length;
  }
  const rest = PEM_BODY.exec(text.slice(headerEnd, headerEnd + PEM_SPAN_CAP));
  return headerEnd + (rest ? rest[0].length : 0);
}

/**
 * Credentials sent with an HTTP authentication scheme (`Bearer …`, `Basic …`), wherever they
 * appear: in any header, in a body that logs a request, in a message quoting one. Only the
 * credential goes; the scheme stays so a reader still sees what kind it was. A token of fewer
 * than eight characters (`Bearer realm=…` in a challenge) is not one.
 */
const SCHEME_CREDENTIAL =
  /(?<![A-Za-z0-9])(?:Bearer|Basic)[ \t]+([A-Za-z0-9._~+/-]{8,8192}=*)(?![A-Za-z0-9._~+/=-])/g;

/**
 * A word of prose after the scheme's name, not a credential: "Basic Authentication Failure"
 * (Jira's 401 page, j1jira_server-login-redirect-401.har), "Bearer authentication required". A
 * random token of eight or more characters is almost never one capital then small letters only.
 */
const PROSE_WORD = /^[A-Z]?[a-z]+$/;

interface Span {
  start: number;
  end: number;
}

/** The spans of `text` that hold a credential by their shape alone, in order, overlapping merged. */
function valueSpans(text: string): Span[] {
  const spans: Span[] = [];
  const nextEnd = endFinder(text);
  for (const s of findSecrets(text)) {
    const end =
      s.kind === 'private-key' ? pemEnd(text, s.index, s.index + s.length, nextEnd) : s.index + s.length;
    spans.push({ start: s.index, end });
  }
  for (const j of findJwts(text)) spans.push({ start: j.index, end: j.index + j.length });
  // ASP.NET's cookieless session and auth tickets in a URL path (url-path.ts).
  for (const c of findCookieless(text)) spans.push({ start: c.index, end: c.index + c.length });
  if (text.includes('Bearer') || text.includes('Basic')) {
    const re = SCHEME_CREDENTIAL;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (PROSE_WORD.test(m[1]!)) continue;
      const start = m.index + m[0].length - m[1]!.length;
      spans.push({ start, end: m.index + m[0].length });
    }
  }
  return spans;
}

/** Replaces the given spans (any order, may overlap) by "[REDACTED]". */
function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let last = 0;
  for (const s of spans) {
    if (s.start < last) {
      last = Math.max(last, s.end);
      continue;
    }
    out += text.slice(last, s.start) + REDACTED;
    last = s.end;
  }
  return out + text.slice(last);
}

/**
 * Replaces every span whose shape alone says "credential" with "[REDACTED]": the vendor formats
 * the secret rules find (patterns.ts; a PEM private key through its END line, since the key is
 * what follows the header), JWTs, `Bearer`/`Basic` credentials and ASP.NET's cookieless session
 * and auth tickets in a URL path. Linear in the text.
 */
export function redactSecretValues(text: string): string {
  return replaceSpans(text, valueSpans(text));
}

/**
 * `name = value`, `name: value`, `"name": "value"`, `name="value"` (an attribute), and the same
 * inside a JSON string (`\"name\":\"value\"`, as GraphQL queries and stringified JSON write it).
 * The name is bounded and so is the value, and the value's alternatives start with different
 * characters, so a failed attempt costs at most one bounded run: linear in the text.
 */
const NAMED =
  /(?<![\w$\\-])(\\?["']|)([A-Za-z_$][\w$.-]{0,63})\1[ \t]*[:=][ \t]*(?:"((?:[^"\\\r\n]|\\.){1,8192})"|'([^'\r\n]{1,8192})'|\\"([^"\\\r\n]{1,8192})\\"|([^\s"'&;,?#<>{}()[\]\\]{1,8192})(?![{\w]))/g;

/** `<password>…</password>`, with or without a namespace prefix and attributes. */
const XML_ELEMENT = /<((?:[\w.-]{1,40}:)?([A-Za-z_][\w.-]{0,63}))(?:\s[^<>]{0,1000})?>([^<]{1,8192})<\/\1>/g;

/**
 * Values that say there is no credential, or name a mode (fetch's `credentials: "omit"`); hiding
 * them would only hide that.
 */
const EMPTY_VALUE = /^(?:true|false|null|undefined|none|include|omit|same-origin)$/i;

/** Whether `at` starts a line, or follows curl -v's `> ` / `< ` at a line's start. */
function atLineStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const head = before === '> ' || before === '< ' ? at - 2 : at;
  return head === 0 || text[head - 1] === '\n' || text[head - 1] === '\r';
}

/** How a name is judged in free text: as a body member, or, right after `?`, `&`, `;` or `#`, as a URL parameter. */
export type NamePredicate = (name: string, afterUrlDelimiter: boolean) => boolean;

/**
 * Body members by default; the member names include the credential header names, so a text
 * quoting a header line (`Cookie: …`) loses its value too.
 */
const defaultTextName: NamePredicate = (name, inUrl) =>
  inUrl ? isSecretParamName(name) : isSecretMemberName(name);

/**
 * Replaces the values of named credentials in free text: `key=value` pairs (query strings,
 * connection strings such as `Password=…;`, .env and INI files), `key: value` (YAML, header
 * lines, GraphQL arguments), JSON members, also when escaped inside a JSON string, and XML
 * elements. `isName` says which names are credentials; by default the body-member vocabulary.
 */
export function redactNamedValues(text: string, isName: NamePredicate = defaultTextName): string {
  const spans: Span[] = [];
  if (text.includes('=') || text.includes(':')) {
    const re = NAMED;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const prev = m.index > 0 ? text[m.index - 1]! : '';
      if (!isName(m[2]!, prev === '?' || prev === '&' || prev === ';' || prev === '#')) {
        // An ordinary member's string may hold pairs of its own (a GraphQL query, stringified
        // JSON): look inside it rather than past it. Each string is entered once, so this stays linear.
        if (m[3] !== undefined) re.lastIndex = m.index + m[0].length - m[3].length - 1;
        continue;
      }
      const value = m[3] ?? m[4] ?? m[5] ?? m[6]!;
      if (EMPTY_VALUE.test(value.trim())) continue;
      const separator = m[0].slice(m[1]!.length * 2 + m[2]!.length).trimStart()[0];
      if (
        m[6] !== undefined &&
        separator === ':' &&
        isCredentialHeaderName(m[2]!) &&
        atLineStart(text, m.index)
      ) {
        // A quoted header line (`Authorization: Token …`, `Cookie: theme=dark; sessionid=…`, a
        // request dump in an error page, curl -v's `> Cookie: …`): the credential is the whole
        // rest of the line, whatever its scheme, not the first word. Only at a line's start,
        // so script source (`  headers: { Authorization: token }`) keeps its code. Bounded like
        // every value here.
        const start = m.index + m[0].length - value.length;
        const eol = text.slice(start, start + 8192).search(/[\r\n]/);
        const end = eol < 0 ? Math.min(text.length, start + 8192) : start + eol;
        spans.push({ start, end });
        re.lastIndex = end;
        continue;
      }
      // Prose ("The secret: ask support") reads like YAML; an unquoted word after a colon
      // counts only if it could be a credential (a digit or symbol in it, or ten characters).
      if (m[6] !== undefined && separator === ':' && !/[^A-Za-z]/.test(value) && value.length < 10) continue;
      const end = m.index + m[0].length;
      const closing = m[3] !== undefined || m[4] !== undefined ? 1 : m[5] !== undefined ? 2 : 0;
      spans.push({ start: end - closing - value.length, end: end - closing });
    }
  }
  if (text.includes('</')) {
    const re = XML_ELEMENT;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (!isName(m[2]!, false) || m[3]!.trim() === '') continue;
      const end = m.index + m[0].length - m[1]!.length - 3;
      spans.push({ start: end - m[3]!.length, end });
    }
  }
  if (text.includes('<')) htmlFieldSpans(text, isName, spans);
  return replaceSpans(text, spans);
}

/**
 * An HTML form field or meta tag names its credential in one attribute and holds it in another:
 * `<input type="hidden" name="csrfmiddlewaretoken" value="…">` (Django), `authenticity_token`
 * (Rails), `__RequestVerificationToken` (ASP.NET), `<meta name="csrf-token" content="…">`. The
 * same token is hidden when the page sends it back as X-CSRF-Token or a form field, so the page
 * that hands it out must not keep it. Each tag is read once, in a bounded window: linear.
 */
const HTML_FIELD = /<(?:input|meta)\b[^<>]{0,2000}>/gi;
const HTML_ATTR = /\s(name|value|content)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function htmlFieldSpans(text: string, isName: NamePredicate, spans: Span[]): void {
  const re = HTML_FIELD;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let name: string | undefined;
    let value: Span | undefined;
    const attr = HTML_ATTR;
    attr.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = attr.exec(m[0])) !== null) {
      const v = a[2] ?? a[3]!;
      if (a[1]!.toLowerCase() === 'name') name = v;
      else {
        // The value sits just before the closing quote.
        const end = m.index + a.index + a[0].length - 1;
        value = { start: end - v.length, end };
      }
    }
    if (name !== undefined && value !== undefined && value.end > value.start && isName(name, false))
      spans.push(value);
  }
}

/** `scheme://user:password@`: the password of a URL's userinfo, in any text. */
const USERINFO_PASSWORD =
  /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s/?#:@]{0,200}:)([^\s/?#@]{1,200})@/g;

export function redactUserinfo(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(USERINFO_PASSWORD, (_m, head: string) => `${head}${REDACTED}@`);
}

/**
 * Everything a credential can look like in a string we write ourselves (a finding's message or
 * pointer, a report line, a stored summary): credential shapes, named credentials, and URL
 * passwords. Text without any of them comes back as the same string.
 */
export function redactText(text: string): string {
  return redactUserinfo(redactNamedValues(redactSecretValues(text)));
}
