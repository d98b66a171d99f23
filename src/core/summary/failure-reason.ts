import { explainNetError, explainStatus, netErrorName } from '../catalogue';
import { blockedAfterResponse } from '../catalogue/hints/cors';

/** What the popup needs to say why a call failed; never a body, never headers. */
export interface FailureFacts {
  status: number;
  /** The browser's net::ERR_* name (HAR `_error`, webRequest's `error`). */
  failure?: string;
  /** The status the server sent when the browser failed the request after it arrived. */
  serverStatus?: number;
}

/**
 * The reasons the popup counts failures by (a catalogue reason names any other net error).
 * Written as reason phrases, in Title Case, as the catalogue writes "Connection Refused" and the
 * panel's Overview "Status 0: No Response": the popup lists them side by side.
 */
export const FAILURE_REASON = {
  cors: 'CORS Blocked',
  server: 'Server Error (5xx)',
  /** The catalogue's own entry for status 0 names it, as the panel shows it. */
  noResponse: explainStatus(0).reason,
} as const;

/**
 * Why a call failed, short enough for the popup: `reason` groups failures ("CORS Blocked",
 * "Connection Refused", "Timed Out", "Server Error (5xx)"), `detail` is this call's own
 * ("server sent 200", "503 Service Unavailable"). Undefined for calls that did not fail.
 */
export function failureReason(f: FailureFacts): { reason: string; detail?: string } | undefined {
  if (f.status >= 500 && f.status <= 599) {
    return { reason: FAILURE_REASON.server, detail: `${f.status} ${explainStatus(f.status).reason}` };
  }
  if (f.status !== 0) return undefined;
  const sent = f.serverStatus !== undefined ? `server sent ${f.serverStatus}` : undefined;
  // A CORS-blocked fetch, as the panel's http/cors-blocked rule and its hints read it: Chromium's
  // generic net::ERR_FAILED after the response arrived. A response that arrived and then failed
  // otherwise is no CORS failure (the page aborted it, the connection broke mid-body, the browser
  // withheld it for its CORP, COEP or ORB verdict): its own catalogue entry names it, as the
  // panel's Overview does. The popup's facts carry no headers: the server's status says a
  // response arrived.
  if (sent !== undefined && blockedAfterResponse({ ...f, responseHeaders: [] })) {
    return { reason: FAILURE_REASON.cors, detail: sent };
  }
  const name = netErrorName(f.failure);
  if (!name) return { reason: FAILURE_REASON.noResponse };
  const entry = explainNetError(name);
  return entry ? { reason: entry.reason, detail: sent ?? String(entry.code) } : { reason: name };
}
