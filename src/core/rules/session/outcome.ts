import { scriptResourceType } from '../../exchange/api-call';
import { headerValue } from '../../exchange/headers';
import type { Exchange } from '../../exchange/types';

/** What a browser asks for when it loads a page, a frame, a stylesheet or an image itself. */
const BROWSER_ACCEPT = /^\s*(?:text\/html|application\/xhtml|image\/|text\/css)/i;

/**
 * True for calls made by script. When the recorder did not say what made the call (mitmproxy,
 * Charles, Postman), a request for a page, frame, stylesheet or image (by its `Accept`, or a
 * `Sec-Fetch-Dest` other than `empty`) is taken as the browser's own.
 */
export function scriptCall(ex: Pick<Exchange, 'resourceType' | 'requestHeaders'>): boolean {
  const byType = scriptResourceType(ex);
  if (byType !== undefined) return byType;
  if (BROWSER_ACCEPT.test(headerValue(ex.requestHeaders, 'accept') ?? '')) return false;
  const dest = headerValue(ex.requestHeaders, 'sec-fetch-dest');
  return dest === undefined || dest.toLowerCase() === 'empty';
}

export { fingerprint } from '../../session/fingerprint';
