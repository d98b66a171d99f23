import { headerValues } from '../../exchange/headers';
import { urlOrigin } from '../../exchange/url';
import type { Exchange } from '../../exchange/types';
import { Recent } from '../shared/recent';
import { defineSessionRule, NO_REPORTS, type SessionReport } from '../types';

/**
 * Headers whose job is to name the software; the ASP.NET ones exist only to carry a version.
 * The session view (core/session/view.ts) keeps them, so `--jobs` judges what one thread does.
 */
export const DISCLOSING_HEADERS: readonly string[] = [
  'Server',
  'X-Powered-By',
  'X-AspNet-Version',
  'X-AspNetMvc-Version',
];

/**
 * A version is a digit right after a product's "/" or "(" (`nginx/1.25.3`, `Apache/2`,
 * `Jetty(9.4.z)`), or a dotted number anywhere (`PHP 8.1.2`, `4.0.30319`).
 */
const VERSION = /[/(]\s?v?\d|\d+\.\d+/;
const MAX_SHOWN = 100;

/**
 * Fixed product tags whose number never changes with the software underneath, so they give a
 * scanner nothing to match: AWS Application Load Balancer (`awselb/2.0`), Tomcat's HTTP
 * connector (`Apache-Coyote/1.1`, the same whatever Tomcat runs behind it), Windows HTTP.sys
 * (`Microsoft-HTTPAPI/2.0`), Google's front end (`GFE/2.0`, the same in front of every Google
 * service; the number names the front end's generation, not a build), and Edgecast's `ECS (nyb/1D2E)` / `ECAcc (…)` / `ECD (…)`, where the
 * part after the `/` is a PoP and server id. Matched against the whole trimmed value.
 */
const FIXED_TAGS: readonly RegExp[] = [
  /^awselb\/2\.0$/i,
  /^Apache-Coyote\/1\.1$/i,
  /^Microsoft-HTTPAPI\/2\.0$/i,
  /^GFE\/2\.0$/i,
  /^EC(?:S|Acc|D) \([a-z]{3}\/[0-9A-F]{2,8}\)$/i,
];

/** The response's header lines that reveal a version: the header's name and the value as shown. */
function disclosures(exchange: Exchange): { name: string; value: string }[] {
  let out: { name: string; value: string }[] | undefined;
  for (const name of DISCLOSING_HEADERS) {
    for (const raw of headerValues(exchange.responseHeaders, name)) {
      const value = raw.trim().slice(0, MAX_SHOWN);
      if (!VERSION.test(value) || FIXED_TAGS.some((re) => re.test(value))) continue;
      (out ??= []).push({ name, value });
    }
  }
  return out ?? [];
}

/**
 * A session rule, though it reads one response: the same `Server: nginx/1.18.0` on every
 * answer of an API is one fact about that server, and a finding on each row buried the rest
 * (29 of drf_api.har's 35 findings). So each (origin, header, value) is reported on the first
 * response that discloses it, and not again in the session: not bounded by the window's time,
 * as the message promises "once", only by its count (1,000 facts; core/session/window.ts). Another
 * value, another header or another origin is another fact. Its id stays in security/: settings
 * and reports that name it keep working.
 */
export default defineSessionRule({
  id: 'security/server-version-disclosure',
  kind: 'session',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description:
    'Server and X-Powered-By should not reveal exact software versions (reported once per origin and value).',
  source: { label: 'RFC 9110 §10.2.4', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.4' },
  options: [],
  start(_options, window) {
    /** The disclosures reported, by origin, header and value (no time: a fact stays said). */
    const reported = new Recent<true>(window);
    return {
      push({ exchange, muted }) {
        const found = disclosures(exchange);
        if (found.length === 0) return NO_REPORTS;
        // The whole URL when it is not `scheme://…`.
        const origin = urlOrigin(exchange.url) ?? exchange.url;
        const out: SessionReport[] = [];
        for (const { name, value } of found) {
          const key = `${origin} ${name} ${value}`;
          if (reported.get(key, NaN)) continue;
          // Switched off here by a profile: not said, so the next response outside its scope says it.
          if (muted?.()) continue;
          reported.set(key, true, NaN);
          out.push({
            message: `${name}: ${value} reveals a software version, which helps attackers pick known exploits (reported once for ${origin})`,
            related: [],
          });
        }
        return out;
      },
    };
  },
});
