/**
 * HTTP-date (RFC 9110 §5.6.7). Senders must use IMF-fixdate; recipients must also accept the
 * obsolete RFC 850 and asctime forms. Anchored regexes without nested quantifiers, run on a
 * length-capped string, so odd input cannot make them slow.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const IMF_FIXDATE = /^[a-z]{3}, (\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:gmt|utc)$/i;
const RFC850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

function build(
  year: number,
  monthName: string,
  day: number,
  h: number,
  m: number,
  s: number,
): Date | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return undefined;
  const date = new Date(Date.UTC(year, month, day, h, m, Math.min(s, 59)));
  // Date.UTC rolls 31 Feb over into March; a date that moved was not a real date.
  return date.getUTCDate() === day ? date : undefined;
}

/** Parses an HTTP-date; `now` resolves RFC 850's two-digit years. Undefined when it is not one. */
export function parseHttpDate(value: string, now: Date = new Date()): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.length > 64) return undefined;
  const n = Number;

  let m = IMF_FIXDATE.exec(v);
  if (m) return build(n(m[3]), m[2]!, n(m[1]), n(m[4]), n(m[5]), n(m[6]));

  m = RFC850.exec(v);
  if (m) {
    // RFC 9110 §5.6.7: a two-digit year more than 50 years ahead means the most recent past
    // year with the same last two digits.
    const yy = n(m[3]);
    const thisYear = now.getUTCFullYear();
    let year = thisYear - (thisYear % 100) + yy;
    if (year > thisYear + 50) year -= 100;
    return build(year, m[2]!, n(m[1]), n(m[4]), n(m[5]), n(m[6]));
  }

  m = ASCTIME.exec(v);
  if (m) return build(n(m[6]), m[1]!, n(m[2]), n(m[3]), n(m[4]), n(m[5]));
  return undefined;
}

export type RetryAfter =
  { kind: 'seconds'; seconds: number } | { kind: 'date'; date: Date } | { kind: 'invalid' };

/** Retry-After = HTTP-date / delta-seconds (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, now: Date = new Date()): RetryAfter {
  if (typeof value !== 'string') return { kind: 'invalid' };
  const v = value.trim();
  // Ten digits already reach three centuries; anything longer is garbage, not a delay.
  if (/^\d{1,10}$/.test(v)) return { kind: 'seconds', seconds: Number(v) };
  const date = parseHttpDate(v, now);
  return date ? { kind: 'date', date } : { kind: 'invalid' };
}
