import type { Exchange, Header } from '../../core/exchange/types';
import { hideKnownValues, knownSecretValues } from '../../core/export/known-values';
import {
  REDACTED,
  redactBody,
  redactHeaders,
  redactor,
  responseMimeType,
  type RedactOptions,
} from '../../core/export/redact';
import { resolvePointer } from '../../ui/json-tree/model';
import { copyText } from '../../ui/json-tree/stringify';
import type { JsonValue } from '../../core/json/walk';

/*
 * What the detail pane's copy buttons put on the clipboard: a header section, a body, one member
 * of a JSON body. Redacted as a HAR export and Copy as cURL redact (the same helpers, the user's
 * redaction lists, the credential values the exchange carries by name hunted for everywhere
 * else in the copy), unless the user ticked "Include secrets". Built in the analysis worker as
 * an export job (export-jobs.ts): a 5 MB body is redacted off the panel's thread.
 */

export type CopyPart =
  | { kind: 'headers'; side: 'request' | 'response' }
  /** A body; with `pointer`, the value of that member of a JSON body (as the tree's Copy value gives it). */
  | { kind: 'body'; side: 'request' | 'response'; pointer?: string };

/** A header section as text, one `Name: value` line each: what "Copy all" copies. */
export function headerLines(headers: readonly Header[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join('\n');
}

function bodyOf(ex: Exchange, side: 'request' | 'response'): { text: string; mimeType: string } {
  if (side === 'request')
    return { text: ex.requestBody?.text ?? '', mimeType: ex.requestBody?.mimeType ?? '' };
  return { text: ex.body.kind === 'text' ? ex.body.text : '', mimeType: responseMimeType(ex) };
}

/**
 * The member `pointer` names, as copied text. In a redacted body a member under a hidden one
 * (`"credentials": {…}` went whole) no longer resolves: it is hidden too. So is every member of
 * a body that no longer parses: when in doubt, nothing leaves.
 */
function memberText(text: string, pointer: string, redacted: boolean): string {
  let doc: JsonValue;
  try {
    doc = JSON.parse(text) as JsonValue;
  } catch {
    if (redacted) return REDACTED;
    throw new Error('The body is not valid JSON.');
  }
  const found = resolvePointer(doc, pointer);
  if (found) return copyText(found.value);
  if (redacted) return REDACTED;
  throw new Error(`The body has no member at ${pointer}.`);
}

/** The text a copy button of the detail pane copies: redacted unless `redact: false`. */
export function copiedPart(ex: Exchange, part: CopyPart, opts: RedactOptions = {}): string {
  const redact = opts.redact ?? true;
  const names = redactor(opts.redaction);
  // A credential hidden by name in one part of the exchange is hidden wherever else the copy holds it.
  const known = redact ? knownSecretValues([ex], names) : [];
  const hide = (text: string) => hideKnownValues(text, known);
  if (part.kind === 'headers') {
    const headers = part.side === 'request' ? ex.requestHeaders : ex.responseHeaders;
    return redact ? hide(headerLines(redactHeaders(headers, names))) : headerLines(headers);
  }
  const body = bodyOf(ex, part.side);
  const text = redact ? hide(redactBody(body.text, body.mimeType, names)) : body.text;
  return part.pointer === undefined ? text : memberText(text, part.pointer, redact);
}
