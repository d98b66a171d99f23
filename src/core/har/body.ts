import type { Body } from '../exchange/types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 strictly; `undefined` when the text is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) return undefined;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes are text when they decode as UTF-8 and hold no NUL in the first 8 KiB, the same
 * cheap heuristic git and most editors use to call a file binary.
 */
export function bytesToBody(bytes: Uint8Array, mimeType: string): Body {
  if (bytes.length === 0) return { kind: 'empty' };
  if (isBinaryMime(mimeType)) return { kind: 'binary', size: bytes.length };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'binary', size: bytes.length };
  try {
    const text = utf8.decode(bytes);
    return { kind: 'text', text, size: bytes.length };
  } catch {
    return { kind: 'binary', size: bytes.length };
  }
}

const TEXTUAL = /^(text\/|application\/(.*[+/])?(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql)\b)/;

/** Media types whose bodies are never worth reading as text. */
export function isBinaryMime(mimeType: string): boolean {
  const mt = mimeType.toLowerCase();
  if (mt === '' || TEXTUAL.test(mt) || mt.includes('+json') || mt.includes('+xml')) return false;
  if (mt === 'image/svg+xml') return false;
  return /^(image|audio|video|font)\//.test(mt) || mt === 'application/octet-stream' ||
    mt === 'application/pdf' || mt === 'application/zip' || mt === 'application/wasm' ||
    mt.startsWith('application/vnd.') && !mt.includes('json') && !mt.includes('xml');
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
  if (text === '') return { kind: 'empty' };
  if (encoding && encoding.toLowerCase() === 'base64') {
    const bytes = decodeBase64(text);
    if (!bytes) return { kind: 'unknown', reason: 'decode-failed' };
    return bytesToBody(bytes, mimeType);
  }
  if (text.includes('\u0000') && isBinaryMime(mimeType)) {
    return { kind: 'binary', size: text.length };
  }
  return { kind: 'text', text, size: utf8Length(text) };
}

/** Byte length of a string in UTF-8 without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
