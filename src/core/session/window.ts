import type { SessionWindow } from '../rules/types';

/**
 * What every session rule may remember (docs/cli.md, "Session rules"): exchanges up to five
 * minutes of capture time before the one being judged, and at most 1,000 distinct keys
 * (requests, routes, APIs) per rule. Rules keep numbers, ids and short notes, never exchanges or bodies (session/polling-without-validators
 * keeps a fingerprint of the last body of a polled URL), so a session's memory is bounded whatever its length: the CLI lints a 1 GB HAR in the same memory
 * as a small one, and the panel's worker does not grow with a long capture.
 */
export const DEFAULT_SESSION_WINDOW: SessionWindow = { ms: 5 * 60_000, entries: 1000 };
