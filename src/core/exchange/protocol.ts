/**
 * The major HTTP version of a recorded exchange, from the many ways recorders spell it:
 * "HTTP/1.1", "HTTP/2.0", "http/2", "h2", "h2c", "HTTP/3", "h3", "h3-29". undefined when the
 * recording does not say (or says something else).
 */
export function httpMajorVersion(httpVersion: string): 1 | 2 | 3 | undefined {
  const v = httpVersion.trim().toLowerCase();
  if (/^h2c?$/.test(v) || /^http\/2(?:\.0)?$/.test(v)) return 2;
  if (/^h3(?:-\d{1,3})?$/.test(v) || /^http\/3(?:\.0)?$/.test(v)) return 3;
  if (/^http\/1(?:\.[01])?$/.test(v) || v === 'http/0.9') return 1;
  return undefined;
}
