import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { describeValue, quote } from '../../json/describe';
import type { Report, RuleContext } from '../types';

import { PROBLEM_MEDIA_TYPE } from '../shared/problem-members';

// Their home is shared/problem-members.ts (a core rule, body/status-mismatch, reads them too).
export { isProblemMediaType, PROBLEM_MEDIA_TYPE, PROBLEM_XML_MEDIA_TYPE } from '../shared/problem-members';

const RFC9457 = 'https://www.rfc-editor.org/rfc/rfc9457';

/** An RFC 9457 section as a rule source. */
export function rfc9457(section: string): { label: string; url: string } {
  return { label: `RFC 9457 §${section}`, url: `${RFC9457}#section-${section}` };
}

/**
 * The parsed body when it is served as problem+json and parsed cleanly; undefined otherwise.
 * Bodies served as application/problem+xml are never returned: the member rules cannot read XML.
 */
export function problemBody(ctx: RuleContext): JsonValue | undefined {
  if (ctx.mediaType !== PROBLEM_MEDIA_TYPE || ctx.json.kind !== 'ok') return undefined;
  return ctx.json.value;
}

export function problemObject(ctx: RuleContext): Record<string, JsonValue> | undefined {
  const body = problemBody(ctx);
  return isJsonObject(body) ? body : undefined;
}

/** An item of the array form says something useful when it names what went wrong or where. */
const USEFUL_MEMBERS = ['detail', 'title', 'pointer'] as const;

/** The kinds of fault an "errors" member can have: each its own finding per body (errors-shape.ts). */
export type ErrorsFault =
  'notShaped' | 'itemNotObject' | 'itemSaysNothing' | 'fieldNotArray' | 'messageNotString';

/** One fault of an "errors" member: its kind, its place, and the finding that names it alone. */
export interface ErrorsIssue {
  kind: ErrorsFault;
  path: (string | number)[];
  /** A thunk, so a caller counting 10,000 faults builds one message, not 10,000. */
  report: () => Report;
}

/**
 * Everything wrong with an "errors" extension member, lazily, first problem first. Two shapes
 * are accepted, since RFC 9457 §3 only shows "errors" as an example extension:
 * - an array of objects, each with a "detail", "title" or "pointer" string (the RFC's example);
 * - an object mapping each field to an array of message strings (ASP.NET Core's
 *   ValidationProblemDetails: `{"Name": ["The Name field is required."]}`).
 */
export function* errorsIssues(errors: JsonValue): Generator<ErrorsIssue> {
  const issue = (kind: ErrorsFault, path: (string | number)[], message: () => string): ErrorsIssue => ({
    kind,
    path,
    report: () => ({ message: message(), pointer: jsonPointer(path) }),
  });
  if (Array.isArray(errors)) {
    for (let i = 0; i < errors.length; i++) {
      const item = errors[i] as JsonValue;
      if (!isJsonObject(item)) {
        yield issue(
          'itemNotObject',
          ['errors', i],
          () => `errors[${i}] is ${describeValue(item)}, not an error object`,
        );
      } else if (!USEFUL_MEMBERS.some((k) => typeof member(item, k) === 'string')) {
        yield issue(
          'itemSaysNothing',
          ['errors', i],
          () => `errors[${i}] has no "detail", "title" or "pointer" string`,
        );
      }
    }
    return;
  }
  if (!isJsonObject(errors)) {
    yield issue(
      'notShaped',
      ['errors'],
      () =>
        `"errors" is ${describeValue(errors)}, not an array of error objects or an object of field messages`,
    );
    return;
  }
  for (const field of Object.keys(errors)) {
    const messages = member(errors, field);
    if (messages === undefined) continue;
    if (!Array.isArray(messages)) {
      yield issue(
        'fieldNotArray',
        ['errors', field],
        () => `errors[${quote(field)}] is ${describeValue(messages)}, not an array of message strings`,
      );
      continue;
    }
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as JsonValue;
      if (typeof m === 'string') continue;
      yield issue(
        'messageNotString',
        ['errors', field, i],
        () => `errors[${quote(field)}][${i}] is ${describeValue(m)}, not a message string`,
      );
    }
  }
}

/**
 * Whether an "errors" member explains the occurrence by itself: one of the accepted shapes
 * (nothing for problem/errors-shape to report) holding at least one error or message.
 */
export function errorsCarryDetails(errors: JsonValue | undefined): boolean {
  if (errors === undefined || !errorsIssues(errors).next().done) return false;
  if (Array.isArray(errors)) return errors.length > 0;
  if (!isJsonObject(errors)) return false;
  return Object.keys(errors).some((field) => {
    const messages = member(errors, field);
    return Array.isArray(messages) && messages.length > 0;
  });
}
