import { isJsonMediaType, responseMediaType } from '../../../core/exchange/media';
import type { Exchange } from '../../../core/exchange/types';
import { formatSize } from '../format';
import { firstChar } from './pretty';

/** How the Body tab shows a response body; decided without parsing (the tab parses lazily). */
export type BodyView =
  | { kind: 'none'; message: string }
  | { kind: 'image'; src: string; mediaType: string; size: number }
  | { kind: 'json'; text: string; mediaType: string; size: number }
  | { kind: 'text'; text: string; mediaType: string; size: number };

/** Only plain image types go into a data: URL, and only from strict base64, so nothing else can ride along. */
const IMAGE_TYPE = /^image\/[a-z0-9.+-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** True for image types shown as images (SVG is not: it is a document that can carry script). */
export function isShowableImage(mediaType: string): boolean {
  return mediaType.startsWith('image/') && IMAGE_TYPE.test(mediaType) && mediaType !== 'image/svg+xml';
}

/** A data: URL for base64 image bytes, or null when the type or the base64 is not clean. */
export function imageDataUrl(mediaType: string, base64: string): string | null {
  if (!isShowableImage(mediaType)) return null;
  const compact = base64.replace(/\s+/g, '');
  return compact.length > 0 && BASE64.test(compact) ? `data:${mediaType};base64,${compact}` : null;
}

function describeUnknown(ex: Exchange, reason: string, size: number | undefined, mediaType: string): string {
  const sized = size !== undefined && size > 0 ? ` (${formatSize(size)})` : '';
  switch (reason) {
    case 'too-large':
      return `The body${sized} is over the size cap, so it was not kept; the response was analysed by its headers only.`;
    case 'binary-not-fetched':
      return `Binary body${mediaType ? ` of type ${mediaType}` : ''}${sized}: not fetched, since it cannot be read as text.`;
    case 'decode-failed':
      return 'The body was recorded as base64 but did not decode, so it cannot be shown.';
    case 'still-encoded':
      return `The recorder stored the body still compressed${sized}, as Polly.JS does with hex chunks; it cannot be shown, and the response was analysed by its headers only.`;
    default:
      return ex.status === 0
        ? 'The request failed, so there is no response body.'
        : 'The body was not captured: DevTools no longer held it (for example after a navigation), or the HAR file left it out.';
  }
}

function emptyMessage(ex: Exchange): string {
  if (ex.method.toUpperCase() === 'HEAD') return 'No body: responses to HEAD never carry one.';
  if (ex.status === 204 || ex.status === 304 || (ex.status >= 100 && ex.status < 200)) {
    return `No body: ${ex.status} responses never carry one.`;
  }
  return 'The response body is empty.';
}

export function bodyView(ex: Exchange): BodyView {
  const body = ex.body;
  const mediaType = responseMediaType(ex) || (ex.mimeType.split(';')[0] ?? '').trim().toLowerCase();
  switch (body.kind) {
    case 'empty':
      return { kind: 'none', message: emptyMessage(ex) };
    case 'binary':
      return {
        kind: 'none',
        message: `Binary body${mediaType ? ` of type ${mediaType}` : ''} (${formatSize(body.size)}): not shown as text.`,
      };
    case 'unknown':
      return {
        kind: 'none',
        message: describeUnknown(
          ex,
          body.reason,
          body.size ?? (ex.size > 0 ? ex.size : undefined),
          mediaType,
        ),
      };
    case 'text': {
      const { text, size } = body;
      const src = imageDataUrl(mediaType, text);
      if (src) return { kind: 'image', src, mediaType, size };
      const first = firstChar(text);
      const looksJson = first === '{' || first === '[';
      if (
        isJsonMediaType(mediaType) ||
        (looksJson && !mediaType.includes('html') && !mediaType.includes('xml'))
      ) {
        return { kind: 'json', text, mediaType, size };
      }
      return { kind: 'text', text, mediaType, size };
    }
  }
}
