import { isJsonMediaType } from '../../exchange/media';
import { tidyJsonError } from '../../har/json-error';
import { jsonSyntaxWhere } from '../../json/syntax';
import { rfcSection } from '../shared/sources';
import { defineRule, type Report } from '../types';
import { lineAndColumn } from '../../text/position';
import { clip } from '../../text/clip';

/** Parser messages can quote a slice of the body; keep the finding readable. */
const MAX_REASON = 160;
const BOM = 0xfeff;

/**
 * V8's "at position 812" counts UTF-16 units from the start of the body: a pretty-printed error
 * body is found by line and column, so the finding says those.
 */
function withLineAndColumn(reason: string, text: string): string {
  // Node 22 adds its own "(line 4 column 3)": the same place, said once.
  return reason.replace(/ at position (\d+)(?: \(line \d+ column \d+\))?$/, (whole, n: string) => {
    const pos = Number(n);
    if (!Number.isSafeInteger(pos) || pos > text.length) return whole;
    const { line, column } = lineAndColumn(text, pos);
    return ` at line ${line}, column ${column}`;
  });
}

/**
 * Where and why the body is not JSON. V8 names a position for some errors only: "Unexpected
 * token '<', ..."  ":  <?xml vers"... is not valid JSON" quotes a slice but says not where it
 * is, so then the scanner (json/syntax.ts) names the line and column itself.
 */
function whereItBreaks(error: string, text: string): string {
  const tidy = tidyJsonError(error);
  return / at position \d+/.test(tidy) ? withLineAndColumn(tidy, text) : jsonSyntaxWhere(text, error);
}

/** The parser's complaint, or undefined when the text is JSON. */
function parseError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * How many lines the text holds when it is newline-delimited JSON: at least two non-blank lines,
 * each one JSON text (blank lines and CRLF endings allowed). Stops at the first line that does not
 * parse, so a broken document costs one short parse.
 */
function ndjsonLines(text: string): number | undefined {
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (/\S/.test(line)) {
      if (parseError(line) !== undefined) return undefined;
      count++;
    }
    start = end + 1;
  }
  return count >= 2 ? count : undefined;
}

export default defineRule({
  id: 'body/invalid-json',
  group: 'core',
  severity: 'error',
  otherSeverities: [
    { severity: 'info', when: 'for valid JSON after a byte order mark' },
    { severity: 'warning', when: 'for newline-delimited JSON labelled as JSON' },
  ],
  description: 'A body labelled as JSON must parse as JSON.',
  source: { label: 'RFC 8259 §2', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-2' },
  check({ exchange, mediaType, json }): Report[] {
    if (!isJsonMediaType(mediaType) || exchange.body.kind !== 'text') return [];
    const full = exchange.body.text;
    // RFC 8259 §8.1: senders must not add a byte order mark, but parsers may ignore one, and
    // browsers' fetch().json() and XHR do (so does the engine when it parses the body).
    const bom = full.charCodeAt(0) === BOM;
    if (json.kind === 'ok' && bom) {
      return [
        {
          severity: 'info',
          message: `body starts with a byte order mark (U+FEFF) before valid JSON; RFC 8259 §8.1 says senders must not add one, though parsers may ignore it`,
          source: rfcSection(8259, '8.1'),
        },
      ];
    }
    if (json.kind !== 'invalid') return [];
    const text = bom ? full.slice(1) : full;
    const error = json.error;
    const lines = ndjsonLines(text);
    if (lines !== undefined) {
      return [
        {
          severity: 'warning',
          message: `Content-Type is ${mediaType} but the body is newline-delimited JSON (${lines} lines, each valid JSON); label it application/x-ndjson or application/jsonl`,
        },
      ];
    }
    // V8 ends its message with "… is not valid JSON" after quoting the body: said once is enough.
    return [
      {
        message: `Content-Type is ${mediaType} but the body is not valid JSON: ${clip(whereItBreaks(error, text), MAX_REASON)}`,
      },
    ];
  },
});
