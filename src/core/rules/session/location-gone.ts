import { headerValue } from '../../exchange/headers';
import { isJsonMediaType, responseMediaType } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { resolveHttpUrl } from '../../exchange/url';
import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { requestLine, shortUrl } from './describe';
import { Recent } from '../shared/recent';
import { member } from '../../json/walk';

interface HandedOut {
  ref: EntryRef;
  /** The 201 or 202 that handed the URL out, and how; described only if it is reported. */
  status: number;
  via: 'Location' | 'self link';
}

const describeBy = (h: HandedOut): string =>
  h.via === 'Location' ? `Location of the ${h.status}` : 'self link of the 201';

/** Bodies larger than this are not parsed for a self link: a 201's body is the created resource, small. */
const MAX_BODY = 64 * 1024;

const absolute = (ref: string, base: string): string | undefined => resolveHttpUrl(ref, base)?.href;

/** A non-empty `Location`: where a 201 or 202 sent the client, whatever its body says. */
const locationOf = (ex: Exchange): string | undefined => {
  const location = headerValue(ex.responseHeaders, 'location')?.trim();
  return location === undefined || location === '' ? undefined : location;
};

/**
 * Whether this rule reads the body of `ex` (for the created resource's self link): a 201 with no
 * Location and a JSON body of at most MAX_BODY that mentions "self". The session view
 * (core/session/view.ts) keeps the bodies of those 201s only.
 */
export function readsSelfLinkBody(ex: Exchange): ex is Exchange & { body: { kind: 'text' } } {
  return (
    ex.status === 201 &&
    ex.body.kind === 'text' &&
    ex.body.text.length <= MAX_BODY &&
    locationOf(ex) === undefined &&
    isJsonMediaType(responseMediaType(ex)) &&
    // Most created resources carry no self link: do not parse them for nothing.
    ex.body.text.includes('"self"')
  );
}

/** The created resource's own link in a JSON body: HAL `_links.self.href`, JSON:API `links.self`, or `self`. */
function bodySelfLink(ex: Exchange): string | undefined {
  if (!readsSelfLinkBody(ex)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(ex.body.text);
  } catch {
    return undefined;
  }
  const href = (v: unknown): string | undefined => {
    const h = typeof v === 'string' ? v : member(v, 'href');
    return typeof h === 'string' ? h : undefined;
  };
  return (
    href(member(member(doc, '_links'), 'self')) ??
    href(member(member(doc, 'links'), 'self')) ??
    href(member(doc, 'self'))
  );
}

/** Where a 201 or 202 sent the client: `Location`, else the body's own link. */
function handedOut(ex: Exchange): { url: string; via: HandedOut['via'] } | undefined {
  const location = locationOf(ex);
  if (location !== undefined) {
    const url = absolute(location, ex.url);
    return url ? { url, via: 'Location' } : undefined;
  }
  if (ex.status !== 201) return undefined;
  const self = bodySelfLink(ex);
  const url = self === undefined ? undefined : absolute(self, ex.url);
  return url ? { url, via: 'self link' } : undefined;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/location-gone',
  group: 'core',
  severity: 'warning',
  description:
    'A URL handed out by a 201 or 202 (its Location, or the created resource’s self link) later answers 404 or 410 although the client never deleted it: the API points clients at resources it cannot serve.',
  source: { label: 'RFC 9110 §15.3.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2' },
  options: [],
  start(_options, window) {
    const urls = new Recent<HandedOut>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        const { status } = ex;
        const gone = status === 404 || status === 410 || ex.method === 'DELETE';
        if (!gone && status !== 201 && status !== 202) return NO_REPORTS;
        // Parsing the URL is the cost here: only when some URL was handed out to compare with.
        const url = gone && urls.size > 0 ? absolute(ex.url, ex.url) : undefined;
        const out: SessionReport[] = [];
        if (url !== undefined) {
          const given = urls.get(url, e.start);
          if (given && ex.method !== 'DELETE') {
            const by = describeBy(given);
            out.push({
              message: `${requestLine(ex)} answered ${ex.status}, yet the ${by} (#${given.ref.index}) handed out this URL and nothing deleted it since`,
              related: [{ ...given.ref, note: `the ${by}: ${shortUrl(url)}` }],
            });
          }
          // Reported once; after a DELETE the resource is meant to be gone.
          urls.delete(url);
        }
        if (status === 201 || status === 202) {
          const given = handedOut(ex);
          if (given) urls.set(given.url, { ref: e.ref, status, via: given.via }, e.start);
        }
        return out;
      },
    };
  },
});
