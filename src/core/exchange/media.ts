import { contentLengthMembers, headerValue } from './headers';
import type { Exchange } from './types';

/** Content-Type without parameters, lower-cased; '' when absent (RFC 9110 §8.3.1). */
export function mediaTypeOf(contentType: string | undefined): string {
  if (!contentType) return '';
  const first = contentType.split(',')[0] ?? '';
  return (first.split(';')[0] ?? '').trim().toLowerCase();
}

export function responseMediaType(ex: Exchange): string {
  return mediaTypeOf(headerValue(ex.responseHeaders, 'content-type'));
}

/** `application/json` or any structured-syntax `+json` suffix (RFC 6839 §3.1). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** An HTML page: `text/html` or `application/xhtml+xml`. */
export function isHtmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

/** A Content-Length whose every member is 0. */
function declaresZeroLength(ex: Exchange): boolean {
  const members = contentLengthMembers(ex.responseHeaders);
  return members.length > 0 && members.every((v) => v === '0');
}

/**
 * Whether the response carries content — the one answer every rule uses. RFC 9110 §6.4.1:
 * responses to HEAD, 1xx, 204 and 304 never carry content; 205 must not (§15.3.6). A body seen
 * empty carries nothing. A body not seen (not captured, or webRequest monitoring) may carry
 * content, unless `Content-Length: 0` says it has none.
 */
export function carriesContent(ex: Exchange): boolean {
  if (ex.method.toUpperCase() === 'HEAD') return false;
  if (ex.status >= 100 && ex.status < 200) return false;
  if (ex.status === 204 || ex.status === 205 || ex.status === 304) return false;
  switch (ex.body.kind) {
    case 'empty':
      return false;
    case 'text':
      return ex.body.text.length > 0;
    case 'binary':
      return ex.body.size > 0;
    case 'unknown':
      return !declaresZeroLength(ex);
  }
}

/** Whether a body was actually seen with bytes in it. */
export function hasKnownBody(ex: Exchange): boolean {
  return ex.body.kind === 'text' || ex.body.kind === 'binary';
}

/**
 * Whether a body was seen and holds nothing: empty, zero bytes, or only whitespace (which
 * explains nothing either; only short bodies are worth checking).
 */
export function isKnownEmpty(ex: Exchange): boolean {
  const b = ex.body;
  if (b.kind === 'empty') return true;
  if (b.kind === 'binary') return b.size === 0;
  return b.kind === 'text' && b.text.length <= 1024 && !/\S/.test(b.text);
}
