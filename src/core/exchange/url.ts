/** A URL's parts as matching needs them: lower-cased scheme and host (with port), raw path and query. */
export interface UrlParts {
  scheme: string;
  host: string;
  /** The path, `/` when the URL has none. */
  path: string;
  /** `?…` or ''. */
  query: string;
}

/**
 * Splits `scheme://host/path?query`; undefined for anything else (junk from a HAR, `data:`).
 * A regular expression, not new URL(): cheaper per exchange and total on any input.
 */
export function splitUrl(url: string): UrlParts | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), path: m[3] || '/', query: m[4] ?? '' };
}
