import { headerValues } from '../../exchange/headers';
import { defineRule, type Report } from '../types';

/** Headers whose job is to name the software; the ASP.NET ones exist only to carry a version. */
const HEADERS = ['Server', 'X-Powered-By', 'X-AspNet-Version', 'X-AspNetMvc-Version'];

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

export default defineRule({
  id: 'security/server-version-disclosure',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description: 'Server and X-Powered-By should not reveal exact software versions.',
  source: { label: 'RFC 9110 §10.2.4', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.4' },
  check({ exchange }): Report[] {
    const out: Report[] = [];
    for (const name of HEADERS) {
      for (const raw of headerValues(exchange.responseHeaders, name)) {
        const value = raw.trim().slice(0, MAX_SHOWN);
        if (!VERSION.test(value) || FIXED_TAGS.some((re) => re.test(value))) continue;
        out.push({
          message: `${name}: ${value} reveals a software version, which helps attackers pick known exploits`,
        });
      }
    }
    return out;
  },
});
