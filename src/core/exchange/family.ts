export type StatusFamily = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed' | 'unknown';

export const FAMILIES: readonly StatusFamily[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'failed', 'unknown'];

/**
 * Status 0 is what browsers (and HAR files) record for a request that got no response at all:
 * refused, blocked, aborted, CORS-failed. Anything outside 100–599 is not a valid HTTP status.
 */
export function statusFamily(code: number): StatusFamily {
  if (code === 0) return 'failed';
  if (!Number.isInteger(code) || code < 100 || code > 599) return 'unknown';
  return `${Math.floor(code / 100)}xx` as StatusFamily;
}
