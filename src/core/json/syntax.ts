import { tidyJsonError } from '../har/json-error';
import { positionText } from '../text/position';
import { quoteChar } from '../text/quote-char';

/**
 * Where a JSON text first goes wrong, for people editing one (the resend editor's body check).
 * JSON.parse's messages name a position only for some errors ("Unexpected token '}'" has none),
 * so this scanner finds the offset itself. Iterative (an explicit stack), linear, no allocation
 * per character; it only locates the error, and JSON.parse stays the judge of validity.
 */
export interface JsonSyntaxError {
  /** 0-based UTF-16 offset of the first character that cannot be there (text.length at an early end). */
  offset: number;
  line: number;
  column: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  // What each open container expects next.
  const stack: (
    'obj-key' | 'obj-colon' | 'obj-value' | 'obj-next' | 'arr-first' | 'arr-value' | 'arr-next'
  )[] = [];
  let done = false;

  const fail = (offset: number, message: string): JsonSyntaxError => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { offset, line, column: offset - before.lastIndexOf('\n'), message };
  };
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  // A comment is named as one: people write them in settings files (JSONC habits), and 'found
  // "/"' does not say what to change. Characters are quoted as the HAR reader quotes them.
  const what = (at: number) =>
    at >= n
      ? 'the end'
      : text.startsWith('//', at) || text.startsWith('/*', at)
        ? `a comment ("${text.slice(at, at + 2)}"), which JSON does not allow`
        : quoteChar(String.fromCodePoint(text.codePointAt(at)!));
  /** Where the last comma was: a closing bracket right after one is a trailing comma. */
  let comma = -1;
  const trailingComma = (close: string) =>
    fail(comma, `a trailing comma before "${close}", which JSON does not allow: remove it`);
  /** Scans a string starting at its opening quote; returns an error or null. */
  const string = (): JsonSyntaxError | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail(i, 'a control character must be escaped inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail(i, 'a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail(i, 'an unknown escape');
      } else i++;
    }
    return fail(n, 'a string is not closed');
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  /** Scans one value's start: a scalar whole, or a container's opening. */
  const value = (): JsonSyntaxError | null => {
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push('obj-key');
      return null;
    }
    if (c === '[') {
      i++;
      stack.push('arr-first');
      return null;
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return null;
    }
    return fail(i, `expected a value, found ${what(i)}`);
  };

  skipWs();
  let err = value();
  if (err) return err;
  while (!done) {
    skipWs();
    const top = stack.at(-1);
    if (top === undefined) {
      done = true;
      break;
    }
    const c = text[i];
    switch (top) {
      case 'obj-key':
      case 'obj-value':
        if (top === 'obj-key' && c === '}') {
          stack.pop();
          i++;
          break;
        }
        if (top === 'obj-value' && c === '}') return trailingComma('}');
        if (c !== '"') return fail(i, `expected a member name in double quotes, found ${what(i)}`);
        err = string();
        if (err) return err;
        stack[stack.length - 1] = 'obj-colon';
        break;
      case 'obj-colon':
        if (c !== ':') return fail(i, `expected ":" after a member name, found ${what(i)}`);
        i++;
        skipWs();
        stack[stack.length - 1] = 'obj-next';
        err = value();
        if (err) return err;
        break;
      case 'obj-next':
        if (c === ',') {
          comma = i++;
          stack[stack.length - 1] = 'obj-value';
        } else if (c === '}') {
          i++;
          stack.pop();
        } else return fail(i, `expected "," or "}", found ${what(i)}`);
        break;
      case 'arr-first':
      case 'arr-value':
        if (top === 'arr-first' && c === ']') {
          i++;
          stack.pop();
          break;
        }
        if (top === 'arr-value' && c === ']') return trailingComma(']');
        stack[stack.length - 1] = 'arr-next';
        err = value();
        if (err) return err;
        break;
      case 'arr-next':
        if (c === ',') {
          comma = i++;
          stack[stack.length - 1] = 'arr-value';
        } else if (c === ']') {
          i++;
          stack.pop();
        } else return fail(i, `expected "," or "]", found ${what(i)}`);
        break;
    }
  }
  skipWs();
  if (i < n) return fail(i, `unexpected ${what(i)} after the end of the JSON`);
  return null;
}

/**
 * Why JSON.parse refused a file a person wrote (a profile, a settings file), as "line 3,
 * column 1: expected a member name in double quotes, found "}"": the scanner's place and words,
 * the same on every engine (Node 20's V8 names only a character offset, Chromium's adds a line),
 * or the parser's own message when the scanner finds nothing to point at.
 */
export function jsonSyntaxWhere(text: string, parseError: unknown): string {
  const at = findJsonSyntaxError(text);
  if (at) return `${positionText(at)}: ${at.message}`;
  return tidyJsonError(parseError instanceof Error ? parseError.message : String(parseError));
}
