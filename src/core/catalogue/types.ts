import type { ProfileId } from '../rules/types';
import type { StatusFamily } from '../exchange/family';

export type RegistryStanding =
  'iana' | 'temporary' | 'unused' | 'obsolete' | 'unofficial' | 'browser' | 'unassigned' | 'invalid';

export type RetryAdvice =
  | 'never'
  | 'after-fixing-request'
  | 'after-reauthenticating'
  | 'after-retry-after'
  | 'with-backoff'
  | 'if-idempotent'
  /** 421: the same request, at once, on another connection (RFC 9110 §15.5.20). */
  | 'on-new-connection';

/** One catalogue entry: a status code, or a Chrome network error (`net::ERR_…`) for failed requests. */
export interface CatalogueEntry {
  /** The status code, or the network error name such as "net::ERR_CONNECTION_REFUSED". */
  code: number | string;
  reason: string;
  formerNames: string[];
  family: StatusFamily;
  registry: RegistryStanding;
  /** "RFC 9110 §15.5.5", "RFC 6585 §4", or a vendor such as "nginx" or "Cloudflare". */
  origin: string;
  summary: string;
  meaning: string;
  causes: string[];
  action: string;
  retry: { advice: RetryAdvice; note: string };
  /** Headers that belong with this status, e.g. ["Location"] or ["WWW-Authenticate"]. */
  headers: string[];
  specUrl: string;
  /** What a convention profile gives this code to mean, when it does. */
  profiles: Partial<Record<ProfileId, string>>;
}
