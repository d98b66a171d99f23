/**
 * A tolerant reader for WWW-Authenticate / Proxy-Authenticate (RFC 9110 §11.6.1, §11.2):
 *
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 *
 * Challenges and their parameters share the same comma separator, so a bare token followed by
 * something other than "=" starts a new challenge. The scan is a single left-to-right pass with
 * no regexes over the input, and stops at fixed caps, so hostile values stay cheap.
 */
export interface Challenge {
  scheme: string;
  token68?: string;
  /** Parameter names lower-cased (they are case-insensitive); the first occurrence wins. */
  params: Map<string, string>;
}

export interface ParsedChallenges {
  challenges: Challenge[];
  /** Something did not follow the grammar; what could be read is still returned. */
  malformed: boolean;
}

const MAX_INPUT = 8192;
const MAX_CHALLENGES = 16;
const MAX_PARAMS = 32;

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
const TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
const TOKEN68_SYMBOLS = '-._~+/';

function isAlnum(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isTchar(c: string | undefined): boolean {
  return c !== undefined && (isAlnum(c) || TCHAR_SYMBOLS.includes(c));
}

function isToken68Char(c: string | undefined): boolean {
  return c !== undefined && (isAlnum(c) || TOKEN68_SYMBOLS.includes(c));
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s[i])) i++;
  return i;
}

function readToken(s: string, i: number): number {
  while (i < s.length && isTchar(s[i])) i++;
  return i;
}

/** Reads a quoted-string starting at the opening quote; a backslash escapes the next character. */
function readQuoted(s: string, start: number): { value: string; end: number; closed: boolean } {
  const parts: string[] = [];
  let i = start + 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      parts.push(s[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '"') return { value: parts.join(''), end: i + 1, closed: true };
    parts.push(c);
    i++;
  }
  return { value: parts.join(''), end: s.length, closed: false };
}

/** Skips to the next list comma that is not inside a quoted string. */
function skipToComma(s: string, i: number): number {
  while (i < s.length && s[i] !== ',') {
    i = s[i] === '"' ? readQuoted(s, i).end : i + 1;
  }
  return i;
}

/** token68 followed by optional whitespace and then a comma or the end; else undefined. */
function matchToken68(s: string, i: number): number | undefined {
  let k = i;
  while (k < s.length && isToken68Char(s[k])) k++;
  if (k === i) return undefined;
  while (s[k] === '=') k++;
  const after = skipWs(s, k);
  return after >= s.length || s[after] === ',' ? k : undefined;
}

export function parseChallenges(input: string): ParsedChallenges {
  if (typeof input !== 'string') return { challenges: [], malformed: true };
  const s = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const challenges: Challenge[] = [];
  let malformed = input.length > MAX_INPUT;
  let current: Challenge | undefined;
  let i = 0;

  while (i < s.length) {
    while (i < s.length && (isWs(s[i]) || s[i] === ',')) i++;
    if (i >= s.length) break;

    const start = i;
    i = readToken(s, i);
    if (i === start) {
      // Not a token: skip the offending element, including any quoted string it starts.
      malformed = true;
      i = skipToComma(s, i);
      continue;
    }
    const word = s.slice(start, i);
    const eq = skipWs(s, i);

    if (s[eq] === '=') {
      let v = skipWs(s, eq + 1);
      let value = '';
      if (s[v] === '"') {
        const q = readQuoted(s, v);
        if (!q.closed) malformed = true;
        value = q.value;
        v = q.end;
      } else {
        const end = readToken(s, v);
        if (end === v) malformed = true;
        value = s.slice(v, end);
        v = end;
      }
      if (!current) {
        malformed = true; // a parameter before any scheme
      } else if (current.params.has(word.toLowerCase()) || current.params.size >= MAX_PARAMS) {
        malformed = true;
      } else {
        current.params.set(word.toLowerCase(), value);
      }
      const next = skipWs(s, v);
      if (next < s.length && s[next] !== ',') {
        // A missing comma ("a=1 b=2"): keep reading at the next token rather than losing it.
        malformed = true;
        i = isTchar(s[next]) ? next : skipToComma(s, next);
      } else {
        i = next;
      }
      continue;
    }

    if (challenges.length >= MAX_CHALLENGES) {
      malformed = true;
      break;
    }
    current = { scheme: word, params: new Map() };
    challenges.push(current);
    if (eq > i) {
      const end = matchToken68(s, eq);
      if (end !== undefined) {
        current.token68 = s.slice(eq, end);
        i = end;
        continue;
      }
    }
    i = eq;
  }
  return { challenges, malformed };
}
