import { isScalar, parseDocument } from 'yaml';
import type { ContractProblem, OpenApiVersion } from './types';
import { lineAndColumn, positionText } from '../text/position';
import { formatBytes } from '../units/bytes';
import { clip } from '../text/clip';
import { isJsonObject } from '../json/walk';
import { foreignDocument } from '../json/document-kind';
import { findJsonSyntaxError } from '../json/syntax';

/**
 * The largest description we read, in characters. Public descriptions of large APIs are ~10 MB;
 * a bigger document is far more likely a mistake (a HAR, a dump) than a contract, and parsing it
 * would hold the worker for seconds.
 */
export const MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;

/** YAML aliases expand into copies; a few hundred are plenty for a real description (billion laughs). */
const MAX_YAML_ALIASES = 1000;

export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: ContractProblem };

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length && i < 1024; i++) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\ufeff') continue;
    return c === '{';
  }
  return false;
}

/** Parses a description written as JSON or YAML. Never throws; a failure names the line. */
export function parseDocumentText(name: string, text: string): ParseResult {
  const fail = (location: string, message: string): ParseResult => ({
    ok: false,
    problem: { document: name, location, message },
  });
  if (text.length > MAX_DOCUMENT_CHARS) {
    return fail(
      '',
      `${formatBytes(text.length)} is over the ${formatBytes(MAX_DOCUMENT_CHARS)} limit for an OpenAPI document`,
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('', 'the document is empty');
  if (looksLikeJson(body)) {
    try {
      return { ok: true, value: JSON.parse(body) };
    } catch (e) {
      // The one wording every JSON file a person writes gets (settings, profiles), at its line and
      // column: "a trailing comma before “}”, which JSON does not allow: remove it".
      const found = findJsonSyntaxError(body);
      if (found) return fail(positionText(found), `not valid JSON: ${found.message}`);
      const message = (e as Error).message;
      const m = /at position (\d+)/.exec(message);
      const at = m ? lineAndColumn(body, Number(m[1])) : undefined;
      const where = at ? positionText(at) : '';
      // V8's "… in JSON at position 35" counts characters from the start, and Chromium's adds
      // "(line 3 column 12)": the place is the location's, said once, so the message drops both.
      const what = message
        .replace(/\s*\(line \d+ column \d+\)/, '')
        .replace(/\s*in JSON at position \d+.*$/s, '');
      return fail(where, `not valid JSON: ${what}`);
    }
  }
  try {
    // A key written twice is an error, as YAML 1.2 says: read as last-one-wins, a path item
    // written twice lost the operations of the first in silence. The first pair found is kept
    // to name the key and the line of its first writing.
    let twice: { key: string; first: number } | undefined;
    const doc = parseDocument(body, {
      prettyErrors: true,
      uniqueKeys: (a, b) => {
        const same = a === b || (isScalar(a) && isScalar(b) && a.value === b.value);
        if (same && twice === undefined && isScalar(a))
          twice = { key: String(a.value), first: a.range?.[0] ?? -1 };
        return same;
      },
    });
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      // The yaml library ends its first line with " at line 7, column 11:" (a code frame
      // followed): the place goes in the location, whole, so the message does not repeat it.
      let what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      if (err.code === 'DUPLICATE_KEY' && twice !== undefined) {
        const also = twice.first >= 0 ? ` (also on line ${lineAndColumn(body, twice.first).line})` : '';
        what = `the key ${JSON.stringify(clip(twice.key, 80))} is written twice in the same mapping${also}, and only one of them could be read: merge them`;
      }
      return fail(pos ? positionText({ line: pos.line, column: pos.col }) : '', `not valid YAML: ${what}`);
    }
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (e) {
    return fail('', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

export type VersionResult = { ok: true; version: OpenApiVersion } | { ok: false; problem: ContractProblem };

/** OpenAPI 3.0.x or 3.1.x; Swagger 2.0 and anything else get a message saying what to do. */
export function detectVersion(name: string, doc: unknown): VersionResult {
  const fail = (location: string, message: string): VersionResult => ({
    ok: false,
    problem: { document: name, location, message },
  });
  if (!isJsonObject(doc)) {
    return fail('', 'not an OpenAPI document: the top level is not an object');
  }
  const rec = doc as Record<string, unknown>;
  if (Object.hasOwn(rec, 'swagger')) {
    return fail(
      '/swagger',
      `Swagger ${String(rec.swagger)} is not supported: convert it to OpenAPI 3.x first (for example with swagger2openapi or the Swagger Editor's "Convert to OpenAPI 3")`,
    );
  }
  const v = rec.openapi;
  if (typeof v !== 'string') {
    // A recording given where the description goes (`--openapi traffic.har`): say so.
    return fail(
      '',
      foreignDocument(doc) === 'har'
        ? 'not an OpenAPI document: this is a HAR file (it has log.entries), a recording of traffic; give it to lint as an input, and the API description to --openapi'
        : 'not an OpenAPI document: it has no "openapi" version field',
    );
  }
  if (/^3\.0\.\d+$/.test(v)) return { ok: true, version: '3.0' };
  if (/^3\.1\.\d+$/.test(v)) return { ok: true, version: '3.1' };
  return fail('/openapi', `OpenAPI ${v} is not supported: Status Lens reads OpenAPI 3.0.x and 3.1.x`);
}
