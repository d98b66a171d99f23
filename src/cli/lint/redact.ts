const REDACTED = 'REDACTED';

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * Replaces the values of listed query parameters (tokens, keys, signatures) so reports
 * that end up in CI logs or code-scanning alerts do not carry credentials. The rest of
 * the URL is kept byte for byte, including its encoding.
 */
export function redactUrl(url: string, names: ReadonlySet<string>): string {
  if (names.size === 0) return url;
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  const query = hash === -1 ? url.slice(q + 1) : url.slice(q + 1, hash);
  const parts = query.split('&');
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (names.has(decodeName(part.slice(0, eq))) && part.slice(eq + 1) !== '') {
      parts[i] = `${part.slice(0, eq + 1)}${REDACTED}`;
      changed = true;
    }
  }
  if (!changed) return url;
  return `${url.slice(0, q + 1)}${parts.join('&')}${hash === -1 ? '' : url.slice(hash)}`;
}
