import type { EngineSettings } from '../engine/analyze';
import { allProfiles } from './registry';
import { globMatch, parseUrlPattern } from './scope';
import type { CompiledProfile, ProfileDocument, ProfileScope } from './types';
import { listOf } from '../text/list';

/**
 * Media types a profile's function checks demand, where its document does not list them:
 * envelope/json-only wants application/json for everything, hal/content-type HAL successes,
 * problem/content-type problem errors. Kept beside the checks' ids so a conflict can be seen
 * from the data.
 */
const IMPLIED: Record<string, { success?: string[]; error?: string[] }> = {
  'envelope/json-only': { success: ['application/json'], error: ['application/json'] },
  'hal/content-type': { success: ['application/hal+json'] },
  'problem/content-type': { error: ['application/problem+json', 'application/problem+xml'] },
};

function mediaTypes(doc: ProfileDocument): { success?: string[]; error?: string[] } {
  const out = { success: doc.mediaTypes?.success, error: doc.mediaTypes?.error };
  for (const check of doc.checks ?? []) {
    const implied = IMPLIED[check];
    if (!implied) continue;
    out.success ??= implied.success;
    out.error ??= implied.error;
  }
  return out;
}

/** Whether two scopes can hold the same exchange (a cautious guess: patterns that match each other). */
function overlap(a: ProfileScope | undefined, b: ProfileScope | undefined): boolean {
  const ma = a?.methods?.map((m) => m.toUpperCase());
  const mb = b?.methods?.map((m) => m.toUpperCase());
  if (ma && mb && !ma.some((m) => mb.includes(m))) return false;
  if (!a?.urls?.length || !b?.urls?.length) return true;
  return a.urls.some((ua) =>
    b.urls!.some((ub) => {
      const pa = parseUrlPattern(ua);
      const pb = parseUrlPattern(ub);
      if (!pa || !pb) return false;
      if (pa.scheme !== '*' && pb.scheme !== '*' && pa.scheme !== pb.scheme) return false;
      const hosts = globMatch(pa.host, pb.host) || globMatch(pb.host, pa.host);
      const paths =
        globMatch(`${pa.path.replace(/\*$/, '')}*`, pb.path) ||
        globMatch(`${pb.path.replace(/\*$/, '')}*`, pa.path);
      return hosts && paths;
    }),
  );
}

/** Whether a profile under this scope judges GraphQL requests (registry.ts judgedSpecs, or a scope made for them). */
function judgesGraphql(p: CompiledProfile, scope: ProfileScope | undefined): boolean {
  return p.judges.includes('graphql') || scope?.requests === 'graphql';
}

/**
 * Whether two profiles never judge the same exchange whatever their URLs: one judges GraphQL
 * requests only (`requests: "graphql"`, as the built-in graphql profile), the other never judges
 * one (a REST convention: exchange/spec-defined.ts keeps GraphQL requests out of it).
 */
function disjointKinds(
  a: CompiledProfile,
  sa: ProfileScope | undefined,
  b: CompiledProfile,
  sb: ProfileScope | undefined,
): boolean {
  return (
    (sa?.requests === 'graphql' && !judgesGraphql(b, sb)) ||
    (sb?.requests === 'graphql' && !judgesGraphql(a, sa))
  );
}

/** Two enabled profiles whose scopes overlap and whose media types cannot both hold. */
export function profileConflicts(settings: EngineSettings): string[] {
  const on = allProfiles(settings.userProfiles ?? []).filter((p) => settings.profiles.includes(p.doc.id));
  const scopeOf = (doc: ProfileDocument) =>
    settings.profileScopes && Object.hasOwn(settings.profileScopes, doc.id)
      ? settings.profileScopes[doc.id]
      : doc.scope;
  const out: string[] = [];
  for (let i = 0; i < on.length; i++) {
    for (let j = i + 1; j < on.length; j++) {
      const a = on[i]!.doc;
      const b = on[j]!.doc;
      const sa = scopeOf(a);
      const sb = scopeOf(b);
      if (disjointKinds(on[i]!, sa, on[j]!, sb) || !overlap(sa, sb)) continue;
      const ta = mediaTypes(a);
      const tb = mediaTypes(b);
      for (const kind of ['success', 'error'] as const) {
        const la = ta[kind];
        const lb = tb[kind];
        if (!la?.length || !lb?.length || la.some((m) => lb.includes(m))) continue;
        out.push(
          `${a.name} and ${b.name} both apply here but contradict each other: ${kind === 'success' ? 'successes' : 'errors'} as ${listOf(la, 'or')} versus ${listOf(lb, 'or')}. Narrow one's scope or switch one off.`,
        );
      }
    }
  }
  return out;
}
