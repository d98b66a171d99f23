import { isJsonObject, type JsonValue } from '../../json/walk';
import type { Report, RuleContext } from '../types';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const RFC9457 = 'https://www.rfc-editor.org/rfc/rfc9457';

/** An RFC 9457 section as a rule source. */
export function rfc9457(section: string): { label: string; url: string } {
  return { label: `RFC 9457 §${section}`, url: `${RFC9457}#section-${section}` };
}

/** The parsed body when it is served as problem+json and parsed cleanly; undefined otherwise. */
export function problemBody(ctx: RuleContext): JsonValue | undefined {
  if (ctx.mediaType !== PROBLEM_MEDIA_TYPE || ctx.json.kind !== 'ok') return undefined;
  return ctx.json.value;
}

export function problemObject(ctx: RuleContext): Record<string, JsonValue> | undefined {
  const body = problemBody(ctx);
  return isJsonObject(body) ? body : undefined;
}

const PREVIEW_CHARS = 60;

/**
 * Names a JSON value's type with a short preview, for messages: `a number (42)`,
 * `a string ("abc")`, `an array of 3 items`. Never serialises containers, which may be huge.
 */
export function describeValue(v: JsonValue | undefined): string {
  if (v === undefined) return 'absent';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  switch (typeof v) {
    case 'string': {
      const shown = v.length > PREVIEW_CHARS ? `${v.slice(0, PREVIEW_CHARS)}…` : v;
      return `a string (${JSON.stringify(shown)})`;
    }
    case 'number':
      return `a number (${String(v)})`;
    case 'boolean':
      return `a boolean (${String(v)})`;
    default:
      return 'an object';
  }
}

/** Quotes a string from a response for a message, cut short so one huge value cannot flood the UI. */
export function quote(s: string): string {
  return JSON.stringify(s.length > PREVIEW_CHARS ? `${s.slice(0, PREVIEW_CHARS)}…` : s);
}

/**
 * Collects reports but keeps at most `max`, counting the rest and summing them up in one
 * report, so a body with 100,000 bad items yields a readable list rather than 100,000
 * findings (and does not build 100,000 messages on the way).
 */
export class CappedReports {
  private readonly kept: Report[] = [];
  private dropped = 0;

  constructor(private readonly max = 20) {}

  /** Takes a thunk so that reports past the cap are counted without building their messages. */
  add(make: () => Report): void {
    if (this.kept.length < this.max) this.kept.push(make());
    else this.dropped++;
  }

  done(summarise: (more: number) => string): Report[] {
    return this.dropped === 0 ? this.kept : [...this.kept, { message: summarise(this.dropped) }];
  }
}
