/**
 * Bodies a recorder stored in its own encoding rather than as the text the page received.
 *
 * Polly.JS (node-http adapter) records a content-encoded response without decoding it:
 * `content.text` is a JSON array with one string per chunk of the compressed bytes. Up to 5.x
 * the chunks are hex (`["1f8b0800…"]` for gzip); from 6.0 they are base64 (`["H4sIAAAA…"]`)
 * and `content.encoding` is "base64", which names the chunks' encoding, not the text's. Read
 * as text the hex form looks like a JSON array, and body rules would judge the array instead of
 * the page; read as one base64 string the base64 form does not decode, and the entry looked
 * broken. Decompressing needs zlib, which the pure core does not have, so such a body is
 * `unknown` ('still-encoded'): headers-only analysis, with the reason said.
 */

import { headerValue, listMembers } from '../exchange/headers';
import type { Body, Header } from '../exchange/types';
import { decodeBase64 } from './body';

const HEX_CHUNKS = /^\[\s*"(?:[0-9a-fA-F]{2})*"(?:\s*,\s*"(?:[0-9a-fA-F]{2})*")*\s*\]$/;
const BASE64_CHUNK = '"[A-Za-z0-9+/]*={0,2}"';
const BASE64_CHUNKS = new RegExp(`^\\[\\s*${BASE64_CHUNK}(?:\\s*,\\s*${BASE64_CHUNK})*\\s*\\]$`);

function hexBytes(chunks: readonly string[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length / 2, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) for (let i = 0; i < c.length; i += 2) out[at++] = parseInt(c.slice(i, i + 2), 16);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes start the way the named content coding's output does (RFC 9110 §8.4.1). */
function looksEncoded(coding: string, b: Uint8Array): boolean {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return b[0] === 0x1f && b[1] === 0x8b;
    case 'deflate':
      // A zlib stream (RFC 1950): compression method 8, header checksum a multiple of 31.
      return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
    case 'zstd':
      return b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;
    default:
      // br has no magic number; compressed output is practically never valid UTF-8.
      return b.length > 0 && !isUtf8(b);
  }
}

function base64Bytes(chunks: readonly string[]): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  for (const c of chunks) {
    const b = decodeBase64(c);
    if (b === undefined) return undefined;
    parts.push(b);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The response's content codings, outermost last, without `identity`. */
function contentCodings(headers: readonly Header[]): string[] {
  return listMembers(headerValue(headers, 'content-encoding'))
    .map((c) => c.toLowerCase())
    .filter((c) => c !== 'identity');
}

function stillEncoded(codings: readonly string[], bytes: Uint8Array | undefined): Body | undefined {
  // The coding applied last is the outermost: its format is what the bytes start with.
  if (bytes === undefined || !looksEncoded(codings[codings.length - 1]!, bytes)) return undefined;
  return { kind: 'unknown', reason: 'still-encoded', size: bytes.length };
}

/**
 * The body when `text` is a recorder's hex-chunk record of a content-encoded response, or
 * undefined when it is ordinary content (an API may well answer with an array of hex strings:
 * without a Content-Encoding whose bytes these are, the text stands).
 */
export function recorderEncodedBody(text: string, headers: readonly Header[]): Body | undefined {
  if (text.length < 4 || text[0] !== '[') return undefined;
  const codings = contentCodings(headers);
  if (codings.length === 0 || !HEX_CHUNKS.test(text)) return undefined;
  return stillEncoded(codings, hexBytes(JSON.parse(text) as string[]));
}

/**
 * The body when `content.text` under `content.encoding: "base64"` is Polly.JS 6's record of a
 * content-encoded response (a JSON array of base64 chunks whose bytes are in the format the
 * Content-Encoding names), or undefined when it is something else, left to the ordinary base64
 * reading (and its "does not decode" when it is broken).
 */
export function recorderBase64ChunksBody(
  text: string,
  encoding: string,
  headers: readonly Header[],
): Body | undefined {
  if (encoding.toLowerCase() !== 'base64' || text.length < 4 || text[0] !== '[') return undefined;
  const codings = contentCodings(headers);
  if (codings.length === 0 || !BASE64_CHUNKS.test(text)) return undefined;
  return stillEncoded(codings, base64Bytes(JSON.parse(text) as string[]));
}
