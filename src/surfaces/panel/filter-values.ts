import type { SuggestSources } from '../../core/filter/suggest';
import { RULE_IDS } from '../../core/rules/registry';
import { PROFILES } from '../../core/rules/profiles';
import type { Settings } from '../../core/settings/schema';
import type { Row } from '../../state/panel-store';

/** Header names are many per row: gathered from the first rows only, enough to offer the usual ones. */
const HEADER_ROWS = 5_000;

const cache = new WeakMap<readonly Row[], Omit<SuggestSources, 'profiles'>>();

const sorted = <T>(set: Set<T>): T[] => [...set].sort();

/**
 * The values autocomplete offers after a key, read from the rows (memoised per rows array, and
 * gathered only when the user types a `key:`): statuses, methods, hosts and route templates seen,
 * rule ids (registered ones and those findings carry: profile rules), media types and headers.
 */
export function suggestSources(rows: readonly Row[], settings: Settings): SuggestSources {
  let seen = cache.get(rows);
  if (!seen) {
    const statuses = new Set<number>();
    const methods = new Set<string>();
    const hosts = new Set<string>();
    const routes = new Set<string>();
    const rules = new Set<string>(RULE_IDS);
    const media = new Set<string>();
    const headers = new Set<string>();
    rows.forEach((r, i) => {
      if (r.exchange.status !== 0) statuses.add(r.exchange.status);
      methods.add(r.exchange.method);
      if (r.facts.host) hosts.add(r.facts.host);
      routes.add(r.facts.route);
      if (r.facts.mediaType) media.add(r.facts.mediaType);
      for (const f of r.analysis?.findings ?? []) rules.add(f.rule);
      if (i < HEADER_ROWS) for (const h of r.facts.headerNames) headers.add(h);
    });
    seen = {
      statuses: sorted(statuses),
      methods: sorted(methods),
      hosts: sorted(hosts),
      routes: sorted(routes),
      ruleIds: sorted(rules),
      mediaTypes: sorted(media),
      headers: sorted(headers),
    };
    cache.set(rows, seen);
  }
  return {
    ...seen,
    profiles: [...PROFILES.map((p) => p.id), ...settings.userProfiles.map((p) => p.id)],
  };
}
