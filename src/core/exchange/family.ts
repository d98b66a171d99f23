export type StatusFamily = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed' | 'unknown';

export const FAMILIES: readonly StatusFamily[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'failed', 'unknown'];

/** How a family is named to people: the popup's legend, the CLI's summary line. */
export const FAMILY_LABEL: Readonly<Record<StatusFamily, string>> = {
  '1xx': '1xx',
  '2xx': '2xx',
  '3xx': '3xx',
  '4xx': '4xx',
  '5xx': '5xx',
  failed: 'failed',
  unknown: 'other',
};

/**
 * Status 0 is what browsers (and HAR files) record for a request that got no response at all:
 * refused, blocked, aborted, CORS-failed. Anything outside 100–599 is not a valid HTTP status.
 */
export function statusFamily(code: number): StatusFamily {
  if (code === 0) return 'failed';
  if (!Number.isInteger(code) || code < 100 || code > 599) return 'unknown';
  return `${Math.floor(code / 100)}xx` as StatusFamily;
}

/** Playwright records a request that got no response as status -1; it means what 0 means. */
export const PLAYWRIGHT_NO_RESPONSE = -1;

/** A recorded status as Status Lens reads it: Playwright's -1 becomes 0, the "failed" family. */
export function readRecordedStatus(code: number): number {
  return code === PLAYWRIGHT_NO_RESPONSE ? 0 : code;
}
