/**
 * The safe methods of RFC 9110 §9.2.1: a client asks only to read, so the server should change
 * (and create) nothing. Upper case; compare with `method.toUpperCase()`.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** "a GET", "an OPTIONS": the method with the article its spoken name takes, for messages. */
export function withArticle(method: string): string {
  return `${/^[AEIOU]/i.test(method) ? 'an' : 'a'} ${method}`;
}
