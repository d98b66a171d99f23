/**
 * Bodies a recorder stored in its own encoding rather than as the text the page received.
 *
 * Polly.JS (1.x, node-http adapter) records a content-encoded response without decoding it:
 * `content.text` is a JSON array of hex strings, one per chunk of the compressed bytes, e.g.
 * `["1f8b0800…"]` for gzip. Read as text it looks like a JSON array, and body rules would judge
 * the array instead of the page. Decompressing needs zlib, which the pure core does not have,
 * so such a body is `unknown` ('still-encoded'): headers-only analysis, with the reason said.
 */

import { headerValue, listMembers } from '../exchange/headers';
import type { Body, Header } from '../exchange/types';

const HEX_CHUNKS = /^\[\s*"(?:[0-9a-fA-F]{2})*"(?:\s*,\s*"(?:[0-9a-fA-F]{2})*")*\s*\]$/;

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

/**
 * The body when `text` is a recorder's hex-chunk record of a content-encoded response, or
 * undefined when it is ordinary content (an API may well answer with an array of hex strings:
 * without a Content-Encoding whose bytes these are, the text stands).
 */
export function recorderEncodedBody(text: string, headers: readonly Header[]): Body | undefined {
  const codings = listMembers(headerValue(headers, 'content-encoding'))
    .map((c) => c.toLowerCase())
    .filter((c) => c !== 'identity');
  if (codings.length === 0 || text.length < 4 || text[0] !== '[' || !HEX_CHUNKS.test(text)) return undefined;
  const bytes = hexBytes(JSON.parse(text) as string[]);
  // The coding applied last is the outermost: its format is what the bytes start with.
  if (!looksEncoded(codings[codings.length - 1]!, bytes)) return undefined;
  return { kind: 'unknown', reason: 'still-encoded', size: bytes.length };
}
