/** A URL split at its query and fragment without re-encoding anything, so what is untouched stays byte-identical. */
export interface UrlParts {
  base: string;
  query: string | null;
  fragment: string | null;
}

export function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? null : url.slice(hashAt + 1);
  const qAt = beforeHash.indexOf('?');
  return {
    base: qAt < 0 ? beforeHash : beforeHash.slice(0, qAt),
    query: qAt < 0 ? null : beforeHash.slice(qAt + 1),
    fragment,
  };
}

export function joinUrl(parts: UrlParts): string {
  return (
    parts.base +
    (parts.query === null ? '' : `?${parts.query}`) +
    (parts.fragment === null ? '' : `#${parts.fragment}`)
  );
}

/**
 * Form-style decoding ("+" is a space, per the URL Standard's application/x-www-form-urlencoded
 * parser). A malformed escape such as "%zz" is kept as written rather than throwing.
 */
export function decodeComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * One `name=value` piece of a query string as redaction reads it: the name decoded and trimmed
 * (as the credential vocabulary matches names), the value as written, and where `=` stands.
 * Undefined for a piece without `=`: a bare flag carries no value to hide. Export redaction and
 * the values it then hunts for elsewhere (known-values.ts) both read pieces so, and so agree on
 * which parameters are credentials.
 */
export function paramPiece(piece: string): { name: string; value: string; eq: number } | undefined {
  const eq = piece.indexOf('=');
  if (eq < 0) return undefined;
  return { name: decodeComponent(piece.slice(0, eq)).trim(), value: piece.slice(eq + 1), eq };
}

/**
 * A fragment as redaction reads it: a fragment route (`#/callback?token=…`) has a query of its
 * own after its `?`, which is `params` (the route up to and with the `?` is `route`); any other
 * fragment is all `params` (`#access_token=…&token_type=bearer`, OAuth's implicit flow). Export
 * redaction and the values it hunts for elsewhere (known-values.ts) both split fragments so.
 */
export function fragmentParams(fragment: string): { route: string; params: string } {
  const q = fragment.indexOf('?');
  return q >= 0
    ? { route: fragment.slice(0, q + 1), params: fragment.slice(q + 1) }
    : { route: '', params: fragment };
}

export interface QueryParam {
  name: string;
  value: string;
}

/** Decoded name/value pairs of a query string (without its "?"), in order; empty pieces are skipped. */
export function parseQueryString(query: string, limit = Number.POSITIVE_INFINITY): QueryParam[] {
  const out: QueryParam[] = [];
  if (query === '') return out;
  let start = 0;
  while (start <= query.length && out.length < limit) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    const piece = query.slice(start, end);
    if (piece !== '') {
      const eq = piece.indexOf('=');
      out.push(
        eq < 0
          ? { name: decodeComponent(piece), value: '' }
          : { name: decodeComponent(piece.slice(0, eq)), value: decodeComponent(piece.slice(eq + 1)) },
      );
    }
    start = end + 1;
  }
  return out;
}

/** How many non-empty pieces a query string has, without decoding them. */
export function countQueryParams(query: string): number {
  if (query === '') return 0;
  let n = 0;
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) n++;
    start = end + 1;
  }
  return n;
}
