import type { JsonValue } from '../../../core/json/walk';
import { stringifyJson } from '../../../ui/json-tree/stringify';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Where a raw-text element closes, found case-insensitively from `from` on, without lower-casing
 * the text: lower-casing it per element was quadratic in a page of many scripts, and can change
 * its length (U+0130 becomes two units), which would shift the index found.
 */
function closingTagAt(text: string, name: string, from: number): number {
  const re = new RegExp(`</${name}`, 'gi');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}
const MAX_INDENT = 64;

function tagName(tag: string): string {
  const m = /^<\/?\s*([A-Za-z][\w:.-]*)/.exec(tag);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Re-indents XML or HTML one tag per line, in a single linear pass (no DOM parsing: the text is
 * untrusted and only ever shown as text). Script and style contents are copied unchanged.
 */
export function prettyMarkup(text: string): string {
  const out: string[] = [];
  const pad = (d: number) => '  '.repeat(Math.min(d, MAX_INDENT));
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = (lt < 0 ? text.slice(i) : text.slice(i, lt)).trim();
    if (chunk !== '') out.push(pad(depth) + chunk);
    if (lt < 0) break;
    let end: number;
    if (text.startsWith('<!--', lt)) end = text.indexOf('-->', lt + 4) + 3;
    else if (text.startsWith('<![CDATA[', lt)) end = text.indexOf(']]>', lt + 9) + 3;
    else end = text.indexOf('>', lt + 1) + 1;
    if (end <= lt) end = text.length;
    const tag = text.slice(lt, end);
    const name = tagName(tag);
    if (tag.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      out.push(pad(depth) + tag);
    } else if (
      tag.startsWith('<!') ||
      tag.startsWith('<?') ||
      tag.endsWith('/>') ||
      VOID_ELEMENTS.has(name) ||
      name === ''
    ) {
      out.push(pad(depth) + tag);
    } else if (RAW_TEXT.has(name)) {
      const close = closingTagAt(text, name, end);
      const stop = close < 0 ? text.length : close;
      out.push(pad(depth) + tag);
      const inner = text.slice(end, stop);
      if (inner.trim() !== '') out.push(inner);
      // Its end tag comes next and steps back out, as for any element that opens a level.
      depth++;
      end = stop;
    } else {
      out.push(pad(depth) + tag);
      depth++;
    }
    i = end;
  }
  return out.join('\n');
}

/** Parses JSON without throwing; JSON.parse is iterative in V8, so deep nesting is fine here. */
export function tryParseJson(text: string): { ok: true; value: JsonValue } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The first non-whitespace character, without copying a multi-megabyte string the way trim() may. */
export function firstChar(text: string): string {
  for (let i = 0; i < text.length && i < 4096; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\uFEFF') return c;
  }
  return '';
}

/** A readable version of a text body: JSON re-indented, markup one tag per line, anything else unchanged. */
export function prettyText(text: string, mediaType: string): string {
  const first = firstChar(text);
  if (first === '{' || first === '[') {
    const parsed = tryParseJson(text);
    if (parsed.ok) return stringifyJson(parsed.value, 2);
  }
  if (first === '<' || mediaType.includes('xml') || mediaType.includes('html')) return prettyMarkup(text);
  return text;
}
