import type { Header } from '../exchange/types';
import { clip } from '../text/clip';

/** One `Server-Timing` metric (W3C Server Timing): `db;dur=53.2;desc="Database"`. */
export interface ServerTimingEntry {
  name: string;
  /** Milliseconds, when the metric gives a valid `dur`. */
  dur?: number;
  desc?: string;
}

/** Untrusted header text: a response cannot make the Timing tab list thousands of bars. */
export const SERVER_TIMING_LIMITS = { entries: 50, name: 100, desc: 200, header: 16_384 } as const;

/**
 * Splits on `sep` outside double-quoted strings (a `desc` may hold commas and semicolons);
 * a backslash escapes the next character inside quotes. Linear in the text.
 */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

/**
 * Every `Server-Timing` header's metrics, in order. Tolerant as browsers are: a metric without a
 * name is skipped, a `dur` that is not a number is ignored (the metric stays), unknown
 * parameters are ignored, the first `dur`/`desc` wins. Bounded by SERVER_TIMING_LIMITS.
 */
export function parseServerTiming(headers: readonly Header[]): ServerTimingEntry[] {
  const out: ServerTimingEntry[] = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'server-timing') continue;
    for (const metric of splitOutsideQuotes(h.value.slice(0, SERVER_TIMING_LIMITS.header), ',')) {
      if (out.length >= SERVER_TIMING_LIMITS.entries) return out;
      const [head = '', ...params] = splitOutsideQuotes(metric, ';');
      const name = head.trim();
      if (name === '' || /[\s"=]/.test(name)) continue;
      const entry: ServerTimingEntry = { name: clip(name, SERVER_TIMING_LIMITS.name) };
      for (const p of params) {
        const eq = p.indexOf('=');
        const key = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
        const value = eq < 0 ? '' : unquote(p.slice(eq + 1));
        if (key === 'dur' && entry.dur === undefined) {
          const n = Number(value);
          if (value !== '' && Number.isFinite(n) && n >= 0) entry.dur = n;
        } else if (key === 'desc' && entry.desc === undefined && value !== '') {
          entry.desc = clip(value, SERVER_TIMING_LIMITS.desc);
        }
      }
      out.push(entry);
    }
  }
  return out;
}
