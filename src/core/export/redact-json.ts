import { REDACTED } from '../secrets/redact-text';

/*
 * The JSON side of export redaction (redact.ts): a scanner that finds member names and skips
 * values by their tokens, without building the document.
 */

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the string token that opens at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === 0x22) return j + 1;
    else j++;
  }
  return text.length;
}

/** Index just past the JSON value that starts at `i`; containers are skipped by counting brackets, not by recursing. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text[j];
      if (d === '"') {
        j = stringEnd(text, j);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !',}]'.includes(text[j]!) && !isSpace(text.charCodeAt(j))) j++;
  return j;
}

function decodeKey(token: string): string {
  try {
    const v: unknown = JSON.parse(token);
    return typeof v === 'string' ? v : token;
  } catch {
    return token;
  }
}

/** JSON literals that hold nothing: hiding them would only hide that there was no credential. */
const NOTHING = new Set(['true', 'false', 'null']);

/**
 * Replaces the values of JSON members whose (decoded) name is `wanted` by "[REDACTED]", at any
 * depth and whatever the value (a `"credentials": {…}` object goes whole), in one linear pass over
 * the text: no parse, so a body too large or too broken to parse is still redacted, and the rest
 * of the document keeps its exact formatting.
 */
export function redactJsonMembersWhere(
  text: string,
  wanted: (name: string) => boolean,
  /** Told each value it hides, as written (a string with its quotes): known-values.ts hunts for it. */
  hidden?: (value: string) => void,
): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 0x22) {
      i++;
      continue;
    }
    const end = stringEnd(text, i);
    const colon = skipSpace(text, end);
    if (text[colon] === ':' && wanted(decodeKey(text.slice(i, end)))) {
      const start = skipSpace(text, colon + 1);
      const stop = valueEnd(text, start);
      if (NOTHING.has(text.slice(start, stop))) {
        i = stop;
        continue;
      }
      hidden?.(text.slice(start, stop));
      out += text.slice(last, start) + JSON.stringify(REDACTED);
      last = stop;
      i = stop;
      continue;
    }
    i = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
