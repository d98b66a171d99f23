import type { Exchange } from '../exchange/types';
import type { Finding } from '../rules/types';
import { hideCutValues, holdsCutValue } from './cut-values';
import { hideKnownValues, knownSecretValues } from './known-values';
import { redactor, redactUrl, type Redactor } from './redact';

/*
 * What a findings report quotes of one exchange: its URL and its findings (message, pointer, a
 * session finding's notes). Each is redacted where it is made, redactUrl here and the engine's
 * redactText for findings, by shape and by a name beside the value. A credential the exchange
 * carries under a name elsewhere (its Authorization token, a cookie, a `;jsessionid=`) is named
 * in neither when a database error quotes it or a path repeats it, so it is hunted for too
 * (known-values.ts), as the HAR export and Copy as cURL / fetch do.
 */

/** What of a finding may quote the exchange: the whole finding, or the part a stored summary keeps. */
type Quoting = Pick<Finding, 'message' | 'pointer' | 'related'>;

export interface Reported<F extends Quoting> {
  url: string;
  findings: F[];
}

/** Each known value hidden, whole or where a clipped text cut it (cut-values.ts). */
export const hideQuoted = (text: string, known: readonly string[]) =>
  hideCutValues(hideKnownValues(text, known), known);

function hideInFinding<F extends Quoting>(f: F, known: readonly string[]): F {
  const out: F = { ...f, message: hideQuoted(f.message, known) };
  if (f.pointer !== undefined) out.pointer = hideQuoted(f.pointer, known);
  if (f.related) out.related = f.related.map((r) => ({ ...r, note: hideQuoted(r.note, known) }));
  return out;
}

/**
 * The exchange's URL and findings as a redacted report quotes them. `values`: its
 * reportedValues, when the caller keeps them for findings made later (reportedFindings).
 */
export function reportedExchange<F extends Quoting>(
  ex: Exchange,
  findings: readonly F[],
  red: Redactor,
  values?: readonly string[],
): Reported<F> {
  const redacted = redactUrl(ex.url, red);
  const known = quotedValues(values ?? reportedValues(ex, red), () => [
    redacted,
    ...findings.flatMap(quotes),
  ]);
  const url = hideKnownValues(redacted, known);
  if (known.length === 0) return { url, findings: [...findings] };
  return { url, findings: findings.map((f) => hideInFinding(f, known)) };
}

const quotes = (f: Quoting): string[] => [
  f.message,
  f.pointer ?? '',
  ...(f.related ?? []).map((r) => r.note),
];

/**
 * The exchange's known values that these short texts hold. Most hold none (a session cookie is
 * seldom quoted), so most exchanges compile no pattern (hideKnownValues makes one per list of
 * values). Over the 2,050 exchanges of the real captures, reportedExchange costs about 45 ms in
 * all (in-process, min of 5; 49 ms before this filter), redactUrl alone 10 ms, the engine's
 * analysis of them 100 ms: collecting the values is most of it.
 */
function quotedValues(values: readonly string[], quoted: () => readonly string[]): string[] {
  // Most exchanges carry no credential at all: then nothing is gathered to search.
  if (values.length === 0) return [];
  const texts = quoted();
  return values.filter((v) => texts.some((t) => t.includes(v) || holdsCutValue(t, v)));
}

/**
 * The exchange's credential values a report may find quoted: those it carries under a name in
 * its headers and URLs (a report quotes no body). Empty for most exchanges. A few short strings,
 * so they can travel where the exchange does not: the CLI's outcome carries them from where the
 * entry is read to where its session findings are made (in entry order, after its report).
 */
export function reportedValues(ex: Exchange, red: Redactor): string[] {
  return knownSecretValues([ex], red, false);
}

/**
 * Findings of the exchange made after its report (the CLI's session findings), hidden by the
 * values reportedValues gave for it, as reportedExchange hides its own findings.
 */
export function reportedFindings<F extends Quoting>(findings: readonly F[], values: readonly string[]): F[] {
  const known = quotedValues(values, () => findings.flatMap(quotes));
  return known.length === 0 ? [...findings] : findings.map((f) => hideInFinding(f, known));
}

/**
 * An exchange's report (its URL and findings, as reportedExchange made it) hidden by the known
 * values of the whole capture (KnownValues): a session finding quotes other exchanges' requests,
 * and a URL may repeat a value only another exchange carried by name (a session id a 201's
 * Cookie sent and its Location names). Where a report is made after the capture is read (the
 * CLI's lint, the panel's report); the record itself when there is nothing to hide.
 */
export function reportedAcross<R extends Reported<F>, F extends Quoting>(
  report: R,
  values: readonly string[],
): R {
  if (values.length === 0) return report;
  return {
    ...report,
    url: hideQuoted(report.url, values),
    findings: report.findings.map((f) => hideInFinding(f, values)),
  };
}

/**
 * A path of the exchange a report quotes apart from its URL: the OpenAPI coverage lists a call
 * no description documents by its request path, redacted as the URL is. The engine makes it,
 * without the user's lists, so by default with the built-in vocabulary (as findings are).
 */
export function reportedPath(ex: Exchange, path: string, red: Redactor = redactor()): string {
  const redacted = redactUrl(path, red);
  return hideKnownValues(
    redacted,
    quotedValues(reportedValues(ex, red), () => [redacted]),
  );
}
