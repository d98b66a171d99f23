/**
 * When a request started, in ms since the epoch, from its HAR `startedDateTime` (NaN when it
 * has none or it does not parse). The panel's list, its exports and the CLI's reports all put
 * entries in request order by it.
 */
export function startMs(startedAt: string): number {
  return startedAt === '' ? Number.NaN : Date.parse(startedAt);
}
