import { specDefined } from '../../exchange/spec-defined';
import type { Exchange } from '../../exchange/types';
import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { requestLine } from './describe';
import { errorFormat, sameErrorFormat, type ErrorFormat } from './error-format';

/** What of an error body this rule reads, for the session view (core/session/view.ts). */
export { errorFormatText } from './error-format';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { originOfParts, splitUrl } from '../../exchange/url';

/** Path segments that start an API's base path: `/api`, `/rest`, `/v1`, `/v2.1`. */
const API_SEGMENT = /^(?:api|rest|v\d+(?:\.\d+)?)$/i;
const MAX_FORMATS = 8;

/**
 * The API an exchange belongs to: its origin and base path (up to the last `/api`, `/rest` or
 * version segment among the first three). Without such a segment only script calls on an API-looking
 * host (`api.…`) or made by script (fetch, xhr) count, all under the origin.
 */
function apiOf(ex: Exchange): string | undefined {
  const parts = splitUrl(ex.url);
  if (!parts) return undefined;
  const origin = originOfParts(parts);
  const segments = parts.path.split('/').slice(1, 4);
  let base = '';
  segments.forEach((seg, i) => {
    if (API_SEGMENT.test(seg)) base = `/${segments.slice(0, i + 1).join('/')}`;
  });
  if (base !== '') return `${origin}${base}`;
  const knownCall = ex.resourceType !== undefined && scriptCall(ex);
  return knownCall || /^[a-z]+:\/\/api[.-]/i.test(origin) ? origin : undefined;
}

interface Example {
  format: ErrorFormat;
  ref: EntryRef;
  line: string;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/mixed-error-formats',
  group: 'core',
  severity: 'info',
  description:
    'One API (origin and base path) answers errors in more than one format — problem+json here, an HTML page there, plain text or another JSON shape elsewhere — so clients need a parser per endpoint.',
  source: { label: 'RFC 9457 §1', url: 'https://www.rfc-editor.org/rfc/rfc9457#section-1' },
  options: [],
  start(_options, window) {
    const apis = new Recent<Example[]>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        if (ex.status < 400 || ex.status > 599 || !scriptCall(ex)) return NO_REPORTS;
        const api = apiOf(ex);
        if (api === undefined) return NO_REPORTS;
        // Another specification fixes these answers' format, not the API: an OAuth token
        // endpoint's {"error": "invalid_grant"} (RFC 6749 §5.2), a GraphQL endpoint's
        // {"errors": […]}. Not a second format of the API's own errors (as no profile judges them).
        if (specDefined(ex) !== undefined) return NO_REPORTS;
        const format = errorFormat(ex);
        if (format === undefined) return NO_REPORTS;
        // An API's formats are remembered for as long as the API is (not only the window's time):
        // the point is that its errors differ across the whole session.
        const formats = apis.get(api, NaN) ?? [];
        const out: SessionReport[] = [];
        if (!formats.some((x) => sameErrorFormat(x.format, format)) && formats.length < MAX_FORMATS) {
          // Described only for a format not seen before: most errors repeat one.
          const line = `${requestLine(ex)} → ${ex.status}`;
          if (formats.length > 0) {
            out.push({
              message: `${api} answers errors in ${formats.length + 1} formats: ${format.label} here (${line}), ${formats.map((x) => `${x.format.label} at #${x.ref.index} (${x.line})`).join(', ')}: one error format (RFC 9457 problem+json) lets clients handle every error alike`,
              related: formats.map((x) => ({ ...x.ref, note: `${x.format.label}: ${x.line}` })),
            });
          }
          formats.push({ format, ref: e.ref, line });
        }
        apis.set(api, formats, e.start);
        return out;
      },
    };
  },
});
