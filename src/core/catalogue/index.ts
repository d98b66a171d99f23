import { readRecordedStatus, statusFamily, type StatusFamily } from '../exchange/family';
import { INFORMATIONAL } from './entries/1xx';
import { SUCCESS } from './entries/2xx';
import { REDIRECTION } from './entries/3xx';
import { CLIENT_ERRORS_A } from './entries/4xx-a';
import { CLIENT_ERRORS_B } from './entries/4xx-b';
import { SERVER_ERRORS } from './entries/5xx';
import { FAILED_REQUEST, NET_ERRORS } from './entries/net-errors';
import { UNOFFICIAL_4XX } from './entries/unofficial-4xx';
import { UNOFFICIAL_5XX } from './entries/unofficial-5xx';
import type { CatalogueEntry } from './types';
import { STATUS_CLASSES, statusClassNamed, type StatusClass } from './classes';

export type { CatalogueEntry, RegistryStanding, RetryAdvice } from './types';

/** Entries are shared by every caller: freezing them turns an accidental edit into a visible error. */
function freezeEntry(e: CatalogueEntry): CatalogueEntry {
  Object.freeze(e.formerNames);
  Object.freeze(e.causes);
  Object.freeze(e.headers);
  Object.freeze(e.retry);
  Object.freeze(e.profiles);
  return Object.freeze(e);
}

const STATUS_ENTRIES: readonly CatalogueEntry[] = [
  FAILED_REQUEST,
  ...INFORMATIONAL,
  ...SUCCESS,
  ...REDIRECTION,
  ...CLIENT_ERRORS_A,
  ...CLIENT_ERRORS_B,
  ...SERVER_ERRORS,
  ...UNOFFICIAL_4XX,
  ...UNOFFICIAL_5XX,
]
  .map(freezeEntry)
  .sort((a, b) => (a.code as number) - (b.code as number));

const NET_ENTRIES: readonly CatalogueEntry[] = NET_ERRORS.map(freezeEntry).sort((a, b) =>
  String(a.code) < String(b.code) ? -1 : 1,
);

const ALL: readonly CatalogueEntry[] = [...STATUS_ENTRIES, ...NET_ENTRIES];

const BY_CODE = new Map<number, CatalogueEntry>(STATUS_ENTRIES.map((e) => [e.code as number, e]));
/** Keyed by the upper-case name without the `net::` prefix, e.g. "ERR_FAILED". */
const BY_NET_NAME = new Map<string, CatalogueEntry>(
  NET_ENTRIES.map((e) => [String(e.code).slice('net::'.length).toUpperCase(), e]),
);

function unassigned(code: number): CatalogueEntry {
  const family = statusFamily(code);
  const base = BY_CODE.get(Math.floor(code / 100) * 100)!;
  const section = STATUS_CLASSES[family as StatusClass]?.section ?? '15';
  return {
    code,
    reason: 'Unassigned',
    formerNames: [],
    family,
    registry: 'unassigned',
    origin: `RFC 9110 §${section}`,
    summary: `Unregistered ${family} code: handle it like ${base.code} ${base.reason}.`,
    meaning: `${code} is neither in the IANA registry nor a known vendor code. RFC 9110 §15 asks clients to treat a code they do not recognise as the x00 code of its class, here ${base.code} ${base.reason}.`,
    causes: [
      'A custom code invented by the application, a framework or a proxy',
      "A bug in the server's mapping from errors to status codes",
    ],
    action: base.action,
    retry: base.retry,
    headers: [],
    specUrl: `https://www.rfc-editor.org/rfc/rfc9110#section-${section}`,
    profiles: {},
  };
}

function invalid(code: number): CatalogueEntry {
  return {
    code,
    reason: 'Invalid Status',
    formerNames: [],
    family: statusFamily(code),
    registry: 'invalid',
    origin: 'RFC 9110 §15',
    summary: 'Not a valid HTTP status: status codes are three digits from 100 to 599.',
    meaning: `${String(code)} is outside the 100–599 range HTTP defines, so no client can know what it means. It comes from a misbehaving server or proxy, or from a tool that rewrote the status.`,
    causes: [
      'A server or proxy sending a non-standard number (LinkedIn, for one, answers 999 to suspected bots)',
      'A capture or HAR export that lost or rewrote the status',
    ],
    action:
      'Treat the response as a failure, inspect the raw exchange and report it to whoever runs the server.',
    retry: {
      advice: 'never',
      note: 'Nothing says what a retry would change; repeat only if the fault looks intermittent.',
    },
    headers: [],
    specUrl: 'https://www.rfc-editor.org/rfc/rfc9110#section-15',
    profiles: {},
  };
}

/** Explains any status code: a catalogue entry, or one made up from its class (or marked invalid). */
export function explainStatus(code: number): CatalogueEntry {
  const known = BY_CODE.get(code);
  if (known) return known;
  if (Number.isInteger(code) && code >= 100 && code <= 599) return unassigned(code);
  return invalid(code);
}

/** A Chromium network error's name as recorders write it: "net::ERR_FAILED", "ERR_FAILED", any case. */
const NET_NAME_SOURCE = '(?:net::)?(err_[a-z0-9_]{1,80})';
const NET_NAME = new RegExp(`^${NET_NAME_SOURCE}$`, 'i');
const NET_NAME_INSIDE = new RegExp(NET_NAME_SOURCE, 'i');

/** Looks up a Chromium network error by name: "net::ERR_FAILED", "ERR_FAILED", any case. */
export function explainNetError(name: string): CatalogueEntry | undefined {
  if (typeof name !== 'string') return undefined;
  const m = NET_NAME.exec(name.trim());
  return m ? BY_NET_NAME.get(m[1]!.toUpperCase()) : undefined;
}

/**
 * The network error a recorded failure names, written "net::ERR_FAILED": the one reading of a
 * HAR `_error` (or webRequest's `error`) that the panel, the popup and the hints share. DevTools
 * sometimes decorates the name ("(failed)net::ERR_FAILED"), so it is looked for inside; only the
 * first 200 characters are read. Undefined when the text names none.
 */
export function netErrorName(failure: string | undefined): string | undefined {
  if (typeof failure !== 'string') return undefined;
  const m = NET_NAME_INSIDE.exec(failure.slice(0, 200));
  return m ? `net::${m[1]!.toUpperCase()}` : undefined;
}

/**
 * A status code written as digits, or a network error name; undefined for anything else.
 * Playwright's -1 (a request that got no response) is explained as 0, as `lint` reads it.
 */
export function explain(arg: string): CatalogueEntry | undefined {
  if (typeof arg !== 'string') return undefined;
  const s = arg.trim();
  if (/^-?\d{1,9}$/.test(s)) return explainStatus(readRecordedStatus(Number(s)));
  return explainNetError(s);
}

/** Every entry: status codes ascending (0 first), then network errors by name. */
export function allEntries(): CatalogueEntry[] {
  return [...ALL];
}

const haystacks = new Map<CatalogueEntry, { strong: string; weak: string }>();

function haystack(e: CatalogueEntry): { strong: string; weak: string } {
  let h = haystacks.get(e);
  if (!h) {
    h = {
      strong: [String(e.code), e.reason, ...e.formerNames].join(' ').toLowerCase(),
      weak: [e.summary, e.meaning, e.origin].join(' ').toLowerCase(),
    };
    haystacks.set(e, h);
  }
  return h;
}

/**
 * Finds entries by code prefix ("40", "5"), by class ("4xx"), or by words that all appear in the
 * code, reason, former names, summary, meaning or origin. Matches on the name rank first.
 * Hyphens part words as spaces do ("not-found", "too-many"): reason phrases hold both
 * ("Multi-Status"), so a word on either side of one is still found. The panel's Codes view and
 * `status-lens explain` (for what is no code or reason phrase) both search with it.
 */
export function searchCatalogue(query: string, family?: StatusFamily): CatalogueEntry[] {
  const pool = family ? ALL.filter((e) => e.family === family) : [...ALL];
  const q = (typeof query === 'string' ? query : '').trim().toLowerCase().slice(0, 200);
  if (q === '') return pool;
  if (/^\d{1,3}$/.test(q))
    return pool.filter((e) => typeof e.code === 'number' && String(e.code).startsWith(q));
  const cls = statusClassNamed(q);
  if (cls) return pool.filter((e) => e.family === cls);

  const words = q.split(/[\s-]+/).filter((w) => w.length > 0);
  // Hyphens alone ("-", "--") are no words: nothing is found, rather than every entry.
  if (words.length === 0) return [];
  const scored: { entry: CatalogueEntry; score: number; index: number }[] = [];
  pool.forEach((entry, index) => {
    const h = haystack(entry);
    let score = 0;
    for (const w of words) {
      if (h.strong.includes(w)) score += 2;
      else if (h.weak.includes(w)) score += 1;
      else return;
    }
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.entry);
}
