import type { Body } from '../exchange/types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `atob`, or undefined where it refuses the text. */
function tryAtob(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}

/**
 * Strict base64 as a "binary string" (one character per byte). `atob` alone (native: about
 * eight times faster than a lookup-table loop in JavaScript) already accepts exactly the valid texts
 * that hold no whitespace beyond what it skips itself. It refuses text with other whitespace
 * (vertical tab, no-break space…), which this module has always skipped: only then pay for
 * stripping `\s` and checking the rest by hand.
 */
function decodeToBinaryString(text: string): string | undefined {
  const fast = tryAtob(text);
  if (fast !== undefined) return fast;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) return undefined;
  return tryAtob(compact);
}

function binaryStringBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes base64 strictly; `undefined` when the text is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const binary = decodeToBinaryString(text);
  return binary === undefined ? undefined : binaryStringBytes(binary);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How much of a body the NUL test reads. */
const HEAD = 8192;

/** A byte outside ASCII, in a binary string. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * `bytesToBody` for a binary string, skipping the copy into bytes when it is not needed: a
 * binary media type is binary whatever the bytes, and ASCII is already its own UTF-8 decoding.
 */
function binaryStringToBody(binary: string, mimeType: string): Body {
  const size = binary.length;
  if (size === 0) return { kind: 'empty' };
  if (isBinaryMime(mimeType)) return { kind: 'binary', size };
  if (NON_ASCII.test(binary)) return bytesToBody(binaryStringBytes(binary), mimeType);
  if ((size > HEAD ? binary.slice(0, HEAD) : binary).includes('\u0000')) return { kind: 'binary', size };
  return { kind: 'text', text: binary, size };
}

/**
 * Bytes are text when they decode as UTF-8 and hold no NUL in the first 8 KiB, the same
 * cheap heuristic git and most editors use to call a file binary.
 */
export function bytesToBody(bytes: Uint8Array, mimeType: string): Body {
  if (bytes.length === 0) return { kind: 'empty' };
  if (isBinaryMime(mimeType)) return { kind: 'binary', size: bytes.length };
  const head = bytes.subarray(0, HEAD);
  if (head.includes(0)) return { kind: 'binary', size: bytes.length };
  try {
    const text = utf8.decode(bytes);
    return { kind: 'text', text, size: bytes.length };
  } catch {
    return { kind: 'binary', size: bytes.length };
  }
}

const TEXTUAL =
  /^(text\/|application\/(.*[+/])?(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql)\b)/;

/** Media types whose bodies are never worth reading as text. */
export function isBinaryMime(mimeType: string): boolean {
  const mt = mimeType.toLowerCase();
  if (mt === '' || TEXTUAL.test(mt) || mt.includes('+json') || mt.includes('+xml')) return false;
  if (mt === 'image/svg+xml') return false;
  return (
    /^(image|audio|video|font)\//.test(mt) ||
    mt === 'application/octet-stream' ||
    mt === 'application/pdf' ||
    mt === 'application/zip' ||
    mt === 'application/wasm' ||
    (mt.startsWith('application/vnd.') && !mt.includes('json') && !mt.includes('xml'))
  );
}

/**
 * Turns HAR `content` (or a DevTools getContent() result) into a Body.
 * `text` absent means the tool did not capture it: unknown, not empty.
 */
export function contentToBody(
  text: string | undefined | null,
  encoding: string | undefined | null,
  mimeType: string,
  recordedSize: number,
): Body {
  if (text === undefined || text === null) {
    if (recordedSize === 0) return { kind: 'empty' };
    return { kind: 'unknown', reason: 'not-captured', ...(recordedSize > 0 ? { size: recordedSize } : {}) };
  }
  // Chrome writes "" for a body it no longer holds, beside the size it recorded: not captured.
  if (text === '')
    return recordedSize > 0
      ? { kind: 'unknown', reason: 'not-captured', size: recordedSize }
      : { kind: 'empty' };
  if (encoding && encoding.toLowerCase() === 'base64') {
    const binary = decodeToBinaryString(text);
    if (binary === undefined) return { kind: 'unknown', reason: 'decode-failed' };
    return binaryStringToBody(binary, mimeType);
  }
  if (isBinaryMime(mimeType) && text.includes('\u0000')) {
    return { kind: 'binary', size: text.length };
  }
  return { kind: 'text', text, size: utf8Length(text) };
}

/** Runs of non-ASCII characters; a native regex search skips the ASCII between them fast. */
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;

/**
 * Byte length of a string in UTF-8 without allocating an encoded copy. Every UTF-16 unit counts
 * one byte to start with; only the runs of non-ASCII units are walked to add the rest.
 */
export function utf8Length(text: string): number {
  let n = text.length;
  const re = NON_ASCII_RUN;
  re.lastIndex = 0; // shared /g regex; safe because the loop below never yields
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = re.lastIndex;
    for (let i = m.index; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff) {
        // Four bytes for it and the unit after it, whatever that unit is (even ASCII past the run).
        n += i + 1 < text.length ? 2 : 3;
        i++;
      } else n += 2;
    }
  }
  return n;
}

/**
 * What is said of a body recorded as base64 that does not decode (`decode-failed`): the one
 * wording the CLI's entry problem (at `response.content.text`) and the panel's row note share.
 * Undefined for any other body.
 */
export function undecodedBodyNote(body: Body): string | undefined {
  return body.kind === 'unknown' && body.reason === 'decode-failed'
    ? 'The body is marked base64 but does not decode: analysed by headers only.'
    : undefined;
}
