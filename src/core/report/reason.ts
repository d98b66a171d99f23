import type { Exchange } from '../exchange/types';
import { IANA_REASONS, isIanaCode } from '../catalogue/reason-phrases';
import { UNOFFICIAL_ORIGINS } from '../catalogue/unofficial';

/**
 * The reason phrase to show: the IANA registry's for registered codes (HTTP/2 and HTTP/3
 * recordings have no status text at all), else what the server sent, else a well-known
 * unofficial name. Codes the registry keeps only as "(Unused)" prefer the recorded text.
 * A request that got no response shows its network error instead.
 */
export function reasonFor(ex: Exchange): string {
  if (ex.status === 0) return ex.failure ?? ex.statusText;
  const iana = isIanaCode(ex.status) ? IANA_REASONS[ex.status] : undefined;
  if (iana && !iana.reason.startsWith('(')) return iana.reason;
  if (ex.statusText) return ex.statusText;
  const unofficial = Object.hasOwn(UNOFFICIAL_ORIGINS, ex.status) ? UNOFFICIAL_ORIGINS[ex.status] : undefined;
  return unofficial?.reason ?? iana?.reason ?? '';
}
