import { statusFamily } from '../../exchange/family';
import { IANA_REASONS, OBSOLETE_CODES } from '../reason-phrases';
import type { CatalogueEntry, RegistryStanding, RetryAdvice } from '../types';
import { UNOFFICIAL_ORIGINS } from '../unofficial';

/** The words of an entry; the identity fields (reason, family, registry…) come from the registries. */
export interface EntryText {
  summary: string;
  meaning: string;
  causes: string[];
  action: string;
  retry: { advice: RetryAdvice; note: string };
  headers: string[];
  profiles?: CatalogueEntry['profiles'];
}

export interface SpecRef {
  origin: string;
  specUrl: string;
}

/** A section of RFC 9110, e.g. rfc9110('15.5.5'). */
export function rfc9110(section: string): SpecRef {
  return {
    origin: `RFC 9110 §${section}`,
    specUrl: `https://www.rfc-editor.org/rfc/rfc9110#section-${section}`,
  };
}

/** A section of another RFC, e.g. rfc(6585, '4'). */
export function rfc(num: number, section: string): SpecRef {
  return {
    origin: `RFC ${num} §${section}`,
    specUrl: `https://www.rfc-editor.org/rfc/rfc${num}#section-${section}`,
  };
}

export function retry(advice: RetryAdvice, note: string): EntryText['retry'] {
  return { advice, note };
}

function standing(code: number): RegistryStanding {
  return OBSOLETE_CODES.get(code)?.standing ?? 'iana';
}

function build(
  code: number,
  reason: string,
  formerNames: string[],
  registry: RegistryStanding,
  ref: SpecRef,
  text: EntryText,
): CatalogueEntry {
  return {
    code,
    reason,
    formerNames,
    family: statusFamily(code),
    registry,
    origin: ref.origin,
    summary: text.summary,
    meaning: text.meaning,
    causes: text.causes,
    action: text.action,
    retry: text.retry,
    headers: text.headers,
    specUrl: ref.specUrl,
    profiles: text.profiles ?? {},
  };
}

/** A code in the IANA registry: its reason and former names come from reason-phrases.ts. */
export function registered(code: number, ref: SpecRef, text: EntryText): CatalogueEntry {
  const iana = IANA_REASONS[code];
  // A data typo should fail loudly when the module loads (and in the tests), not ship.
  if (!iana) throw new Error(`catalogue: ${code} is not in the IANA registry`);
  return build(code, iana.reason, [...(iana.formerNames ?? [])], standing(code), ref, text);
}

/** A provisional registration such as 104 (resumable uploads draft). */
export function temporary(code: number, reason: string, ref: SpecRef, text: EntryText): CatalogueEntry {
  return build(code, reason, [], 'temporary', ref, text);
}

/** A vendor code from unofficial.ts: reason and origin (the vendor) come from there. */
export function vendor(
  code: number,
  specUrl: string,
  text: EntryText,
  formerNames: string[] = [],
): CatalogueEntry {
  const known = UNOFFICIAL_ORIGINS[code];
  if (!known) throw new Error(`catalogue: ${code} is not in UNOFFICIAL_ORIGINS`);
  return build(code, known.reason, formerNames, 'unofficial', { origin: known.origin, specUrl }, text);
}

export const CHROMIUM_NET_ERRORS =
  'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h';

/** A Chromium network error recorded for a request that got no response (status 0). */
export function netError(name: string, num: number, reason: string, text: EntryText): CatalogueEntry {
  return {
    code: `net::ERR_${name}`,
    reason,
    formerNames: [],
    family: 'failed',
    registry: 'browser',
    origin: `Chromium net error ${num}`,
    summary: text.summary,
    meaning: text.meaning,
    causes: text.causes,
    action: text.action,
    retry: text.retry,
    headers: text.headers,
    specUrl: CHROMIUM_NET_ERRORS,
    profiles: text.profiles ?? {},
  };
}
