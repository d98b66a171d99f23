import { headerValue } from './headers';
import type { Exchange } from './types';

/** `websocket` as one token of an `Upgrade` list (RFC 9110 §7.8: `Upgrade: websocket`, case-insensitive). */
function namesWebSocket(upgrade: string | undefined): boolean {
  return upgrade !== undefined && upgrade.split(',').some((p) => p.trim().toLowerCase() === 'websocket');
}

/**
 * Whether an exchange is a WebSocket handshake: the one test the "API only" filter and the rules
 * share. Recorders say it differently: a `ws:`/`wss:` URL (Chrome's live capture), Chrome's
 * `_resourceType: websocket`, the request's `Upgrade: websocket` (mitmproxy records the
 * handshake as its https URL), or a 101 answer that switched to it. A 101 to another protocol
 * (`Upgrade: h2c`) is not one.
 */
export function isWebSocket(
  ex: Pick<Exchange, 'url' | 'status' | 'resourceType' | 'requestHeaders' | 'responseHeaders'>,
): boolean {
  if (/^\s*wss?:/i.test(ex.url)) return true;
  if (ex.resourceType?.toLowerCase() === 'websocket') return true;
  if (namesWebSocket(headerValue(ex.requestHeaders, 'upgrade'))) return true;
  if (ex.status !== 101) return false;
  const upgrade = headerValue(ex.responseHeaders, 'upgrade');
  return upgrade === undefined || namesWebSocket(upgrade);
}
