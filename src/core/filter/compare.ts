import { parseByteSize } from '../units/bytes';

/** `>`, `>=`, `<`, `<=`, `=` (a bare number is `=`). */
export type CompareOp = '>' | '>=' | '<' | '<=' | '=';

export interface Comparison {
  op: CompareOp;
  value: number;
}

const OP = /^(>=|<=|>|<|=)?\s*(.+)$/;

function split(text: string): { op: CompareOp | undefined; rest: string } | undefined {
  const m = OP.exec(text.trim());
  if (!m) return undefined;
  return { op: m[1] as CompareOp | undefined, rest: m[2]! };
}

/** `500ms`, `1.5s`, `500` (ms) → ms; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'ms').toLowerCase();
  return Number(m[1]) * (unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);
}

/**
 * A comparison term's value: `>=400` for status, `>500ms` for time, `>1mb` for size (binary
 * multiples, as every size here). A bare value compares with `=`, except when `bareOp` says
 * otherwise (`larger-than:1k` means `>1k`). Undefined when the text is not one.
 */
export function parseComparison(
  text: string,
  unit: 'count' | 'duration' | 'bytes',
  bareOp: CompareOp = '=',
): Comparison | undefined {
  const parts = split(text);
  if (!parts) return undefined;
  const value =
    unit === 'duration'
      ? parseDuration(parts.rest)
      : unit === 'bytes'
        ? parseByteSize(parts.rest)
        : /^\d+$/.test(parts.rest)
          ? Number(parts.rest)
          : undefined;
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return { op: parts.op ?? bareOp, value };
}

/** Whether a value starts with a comparison operator (so `status:>=400` is one, `status:404` is not). */
export function hasOperator(text: string): boolean {
  return /^[<>=]/.test(text.trim());
}

export function compare(n: number, c: Comparison): boolean {
  switch (c.op) {
    case '>':
      return n > c.value;
    case '>=':
      return n >= c.value;
    case '<':
      return n < c.value;
    case '<=':
      return n <= c.value;
    case '=':
      return n === c.value;
  }
}
