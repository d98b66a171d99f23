import { isJsonObject as isObj } from '../json/walk';
import type { ServerScope } from './types';
import { pathSegments } from './paths';
import { firstFew } from '../text/first-few';

type Obj = Record<string, unknown>;

/** `https://API.example.com:443` → `https://api.example.com`; undefined for anything but http(s). */
export function originOf(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin.toLowerCase();
}

function basePathOf(pathname: string): string {
  const segs = pathSegments(pathname);
  return segs.length === 0 ? '' : '/' + segs.join('/');
}

/**
 * Where one server URL serves the API. Variables take their defaults (`{scheme}://{host}/v1`);
 * a relative URL (`/api/v3`, the Petstore's) matches on any host, by its path alone.
 */
export function scopeOf(rawUrl: string, variables: unknown): ServerScope | undefined {
  const url = rawUrl.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = isObj(variables) ? variables[name] : undefined;
    return isObj(v) && typeof v.default === 'string' ? v.default : '';
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      const u = new URL(url);
      const origin = originOf(u);
      return origin === undefined ? undefined : { origin, basePath: basePathOf(u.pathname) };
    } catch {
      return undefined;
    }
  }
  if (url.startsWith('//')) return undefined;
  return { basePath: basePathOf(url.split(/[?#]/)[0] ?? '') };
}

/** Two scopes are the same place. */
export function sameScope(a: ServerScope, b: ServerScope): boolean {
  return a.origin === b.origin && a.basePath === b.basePath;
}

/** The scopes a `servers` array lists (empty when it lists none that Status Lens can scope by). */
export function serverScopes(servers: unknown): ServerScope[] {
  const out: ServerScope[] = [];
  if (!Array.isArray(servers)) return out;
  for (const s of servers) {
    if (!isObj(s) || typeof s.url !== 'string') continue;
    const scope = scopeOf(s.url, s.variables);
    if (scope && !out.some((o) => sameScope(o, scope))) out.push(scope);
  }
  return out;
}

/** The scopes of a document: its base-URL override if the user set one, else its `servers`. */
export function scopesOf(doc: Obj, baseUrl: string | undefined): ServerScope[] {
  if (baseUrl !== undefined && baseUrl.trim() !== '') {
    const s = scopeOf(baseUrl.trim(), undefined);
    return s ? [s] : [];
  }
  const out = serverScopes(doc.servers);
  // OpenAPI: "If the servers property is not provided, or is an empty array, the default value
  // would be a Server Object with a url value of /."
  return out.length > 0 ? out : [{ basePath: '' }];
}

/** Whether a base-URL override is one Status Lens can scope by; a message when it is not. */
export function checkBaseUrl(baseUrl: string): string | undefined {
  const t = baseUrl.trim();
  const s = scopeOf(t, undefined);
  if (!s) return `"${baseUrl}" is not an http(s) URL or a path`;
  // A description's own `servers` may be relative to where it was loaded from, but a base URL a
  // user types is not: "staging.example.com/v1" (the scheme forgotten) would otherwise be read as
  // the path /staging.example.com/v1 and match nothing, silently.
  if (s.origin === undefined && !t.startsWith('/')) {
    const host = /^[^/]+\.[^/]+(\/|$)/.test(t);
    return `"${baseUrl}" is neither an http(s) URL nor a path starting with /${host ? ` (did you mean https://${t}?)` : ''}`;
  }
  return undefined;
}

/**
 * Where a description judges, in words, as a profile's scope is written: `https://api.test/v1/*`,
 * or `/api/* on any host` for a relative server; of several, the first few named.
 */
export function describeScopes(scopes: readonly ServerScope[]): string {
  const one = (s: ServerScope) =>
    s.origin === undefined ? `${s.basePath}/* on any host` : `${s.origin}${s.basePath}/*`;
  return firstFew(scopes.slice(0, 3).map(one), 3, scopes.length);
}
