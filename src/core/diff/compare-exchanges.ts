/**
 * Two exchanges side by side (issue #19: verify a resend, compare any two rows): status, request
 * and response headers, the body (JSON-aware when both are JSON) and the findings — resolved,
 * still present, new. Pure: the panel runs it in the analysis worker, since bodies can be
 * megabytes.
 */
import type { Exchange, Header } from '../exchange/types';
import type { Finding } from '../rules/types';
import { clip } from '../text/clip';
import type { JsonValue } from '../json/walk';
import { diffJson } from './json-diff';
import type { JsonDiff, JsonDiffLimits } from './json-diff-types';

export type HeaderChangeKind = 'added' | 'removed' | 'changed';

export interface HeaderChange {
  kind: HeaderChangeKind;
  /** As the after side spells it (before's for a removed header). */
  name: string;
  before?: string;
  after?: string;
}

export type BodyComparison =
  | { kind: 'json'; diff: JsonDiff }
  | {
      kind: 'text';
      equal: boolean;
      beforeLength: number;
      afterLength: number;
      /** 1-based line of the first difference, when they differ. */
      firstDifferentLine?: number;
      /** That line on each side, clipped. */
      beforeLine?: string;
      afterLine?: string;
    }
  /** Either side's body is not known (not captured, binary, too large): nothing to compare. */
  | { kind: 'unavailable'; why: string };

export interface ComparedFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  pointer?: string;
}

export interface ExchangeComparison {
  status: { before: number; after: number; changed: boolean; beforeFailure?: string; afterFailure?: string };
  requestHeaders: HeaderChange[];
  responseHeaders: HeaderChange[];
  body: BodyComparison;
  findings: { resolved: ComparedFinding[]; stillPresent: ComparedFinding[]; new: ComparedFinding[] };
}

export interface CompareInput {
  before: Exchange;
  after: Exchange;
  beforeFindings: readonly Finding[];
  afterFindings: readonly Finding[];
}

const HEADER_VALUE_PREVIEW = 300;
const LINE_PREVIEW = 200;

/** Header values joined per name (case-insensitive), in first-seen order. */
function headerMap(headers: readonly Header[]): Map<string, { name: string; value: string }> {
  const map = new Map<string, { name: string; value: string }>();
  for (const h of headers) {
    const key = h.name.toLowerCase();
    const prev = map.get(key);
    // Set-Cookie values cannot be joined with commas (RFC 9110 §5.3): one per line.
    const sep = key === 'set-cookie' ? '\n' : ', ';
    if (prev) prev.value += sep + h.value;
    else map.set(key, { name: h.name, value: h.value });
  }
  return map;
}

export function diffHeaders(before: readonly Header[], after: readonly Header[]): HeaderChange[] {
  const b = headerMap(before);
  const a = headerMap(after);
  const out: HeaderChange[] = [];
  for (const [key, h] of b) {
    if (!a.has(key)) out.push({ kind: 'removed', name: h.name, before: clip(h.value, HEADER_VALUE_PREVIEW) });
  }
  for (const [key, h] of a) {
    const prev = b.get(key);
    if (!prev) out.push({ kind: 'added', name: h.name, after: clip(h.value, HEADER_VALUE_PREVIEW) });
    else if (prev.value !== h.value)
      out.push({
        kind: 'changed',
        name: h.name,
        before: clip(prev.value, HEADER_VALUE_PREVIEW),
        after: clip(h.value, HEADER_VALUE_PREVIEW),
      });
  }
  return out;
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  const t = text.trimStart();
  // Only text that looks like a JSON document: "123" in a text/plain body is not worth a JSON diff.
  if (t[0] !== '{' && t[0] !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}

const UNKNOWN_WHY: Record<string, string> = {
  'not-captured': 'was not captured',
  'too-large': 'is over the body size cap',
  'binary-not-fetched': 'is binary',
  'decode-failed': 'could not be decoded',
  'still-encoded': 'was recorded still compressed',
};

function bodyText(ex: Exchange): string | { why: string } {
  const body = ex.body;
  if (body.kind === 'empty') return '';
  if (body.kind === 'text') return body.text;
  if (body.kind === 'binary') return { why: 'is binary' };
  return { why: UNKNOWN_WHY[body.reason] ?? 'is not known' };
}

export function compareBodies(before: Exchange, after: Exchange, limits?: JsonDiffLimits): BodyComparison {
  const b = bodyText(before);
  const a = bodyText(after);
  if (typeof b !== 'string') return { kind: 'unavailable', why: `The first response's body ${b.why}.` };
  if (typeof a !== 'string') return { kind: 'unavailable', why: `The second response's body ${a.why}.` };
  const jb = parseJson(b);
  const ja = parseJson(a);
  if (jb.ok && ja.ok) return { kind: 'json', diff: diffJson(jb.value, ja.value, limits) };
  if (b === a) return { kind: 'text', equal: true, beforeLength: b.length, afterLength: a.length };
  // The first differing line is enough to see what changed in an HTML error page or a plain message.
  const bl = b.split('\n');
  const al = a.split('\n');
  let i = 0;
  while (i < bl.length && i < al.length && bl[i] === al[i]) i++;
  return {
    kind: 'text',
    equal: false,
    beforeLength: b.length,
    afterLength: a.length,
    firstDifferentLine: i + 1,
    beforeLine: clip(bl[i] ?? '', LINE_PREVIEW),
    afterLine: clip(al[i] ?? '', LINE_PREVIEW),
  };
}

/** A finding is "the same" on both sides when the rule and the body pointer match: messages quote values that may change. */
const findingKey = (f: Finding): string => `${f.rule}\u0000${f.pointer ?? ''}`;
const brief = (f: Finding): ComparedFinding => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
});

export function compareFindings(
  before: readonly Finding[],
  after: readonly Finding[],
): ExchangeComparison['findings'] {
  // A multiset: two findings of one rule at one place before and one after is one still present, one resolved.
  const remaining = new Map<string, number>();
  for (const f of after) remaining.set(findingKey(f), (remaining.get(findingKey(f)) ?? 0) + 1);
  const resolved: ComparedFinding[] = [];
  const stillPresent: ComparedFinding[] = [];
  const matchedAfter = new Map<string, number>();
  for (const f of before) {
    const k = findingKey(f);
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      remaining.set(k, left - 1);
      matchedAfter.set(k, (matchedAfter.get(k) ?? 0) + 1);
      stillPresent.push(brief(f));
    } else resolved.push(brief(f));
  }
  const fresh: ComparedFinding[] = [];
  for (const f of after) {
    const k = findingKey(f);
    const used = matchedAfter.get(k) ?? 0;
    if (used > 0) matchedAfter.set(k, used - 1);
    else fresh.push(brief(f));
  }
  return { resolved, stillPresent, new: fresh };
}

export function compareExchanges(input: CompareInput, limits?: JsonDiffLimits): ExchangeComparison {
  const { before, after } = input;
  return {
    status: {
      before: before.status,
      after: after.status,
      changed: before.status !== after.status || before.failure !== after.failure,
      ...(before.failure !== undefined ? { beforeFailure: before.failure } : {}),
      ...(after.failure !== undefined ? { afterFailure: after.failure } : {}),
    },
    requestHeaders: diffHeaders(before.requestHeaders, after.requestHeaders),
    responseHeaders: diffHeaders(before.responseHeaders, after.responseHeaders),
    body: compareBodies(before, after, limits),
    findings: compareFindings(input.beforeFindings, input.afterFindings),
  };
}
