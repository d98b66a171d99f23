import { exchangeRoute } from '../endpoints/route-template';
import { READABLE_PATH_MAX, readablePath } from '../text/readable-path';
import { keptByApiOnly } from '../exchange/api-call';
import { statusFamily, type StatusFamily } from '../exchange/family';
import { responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import { hostOfParts, splitUrl } from '../exchange/url';

/** What filtering asks of every exchange, computed once: at 50,000 rows, per-keystroke work must be tiny. */
export interface ExchangeFacts {
  family: StatusFamily;
  api: boolean;
  urlLower: string;
  host: string;
  mediaType: string;
  /** The route template's path, lower-cased (`route:` compares it whole). */
  route: string;
  /** Response header names, lower-cased (`header:`, `has-response-header:`). */
  headerNames: ReadonlySet<string>;
}

export function exchangeFacts(ex: Exchange): ExchangeFacts {
  return {
    family: statusFamily(ex.status),
    api: keptByApiOnly(ex),
    urlLower: ex.url.toLowerCase(),
    host: hostOf(ex.url),
    mediaType: responseMediaType(ex) || (ex.mimeType.toLowerCase().split(';')[0] ?? '').trim(),
    route: exchangeRoute(ex.url).path.toLowerCase(),
    headerNames: new Set(ex.responseHeaders.map((h) => h.name.toLowerCase())),
  };
}

function hostOf(url: string): string {
  // Cheaper than new URL() for the common case, and total: junk gives ''.
  const parts = splitUrl(url);
  return parts ? hostOfParts(parts) : '';
}

/**
 * A row's URL and route decoded as readablePath shows them, lower-cased: made when a term first
 * asks, then kept with the row's facts (each keystroke asks again, of every row).
 */
const readableFacts = new WeakMap<ExchangeFacts, { url?: string; route?: string }>();

export function readableFact(facts: ExchangeFacts, part: 'url' | 'route'): string {
  let cached = readableFacts.get(facts);
  if (!cached) readableFacts.set(facts, (cached = {}));
  const text = part === 'url' ? facts.urlLower : facts.route;
  // Past readablePath's limit nothing is decoded: the text as recorded is all there is to match.
  return (cached[part] ??= text.length > READABLE_PATH_MAX ? text : readablePath(text).toLowerCase());
}
