import { parsePointer } from '../json/pointer';
import { parseDocumentText } from './parse';
import { readPosition } from '../text/position';
import type { ContractProblem } from './types';
import { isJsonObject } from '../json/walk';

/**
 * Reads a document another one refers to (`$ref: ./schemas/pet.yaml#/Pet`): given its absolute
 * URI, its text, or undefined when it cannot be read. The CLI reads files; the extension has none.
 */
export type RefLoader = (uri: string) => string | undefined;

/** The main document and every document its `$ref`s reach, by URI without fragment. */
export class DocumentSet {
  readonly docs = new Map<string, unknown>();
  private readonly failed = new Map<string, string>();

  constructor(
    readonly mainUri: string,
    main: unknown,
    private readonly names: (uri: string) => string,
    private readonly load: RefLoader | undefined,
    private readonly problems: ContractProblem[],
    /** Why a document the loader did not give is missing, in words ('not found' by default). */
    private readonly missing?: (uri: string) => string,
  ) {
    this.docs.set(mainUri, main);
  }

  /** The name a message uses for a document. */
  nameOf(uri: string): string {
    return this.names(uri);
  }

  /** The document at `uri`, loading it on first use; undefined (and a problem, once) when it cannot be. */
  document(uri: string): unknown {
    if (this.docs.has(uri)) return this.docs.get(uri);
    if (this.failed.has(uri)) return undefined;
    const text = this.load?.(uri);
    if (text === undefined) {
      this.failed.set(uri, this.missing?.(uri) ?? 'not found');
      return undefined;
    }
    const parsed = parseDocumentText(this.nameOf(uri), text);
    if (!parsed.ok) {
      // Quoted inside another document's message: its place goes in words at the end.
      const { location, message } = parsed.problem;
      const at = readPosition(location) ? ` at ${location}` : '';
      this.failed.set(uri, `${message}${at}`);
      this.problems.push(parsed.problem);
      return undefined;
    }
    this.docs.set(uri, parsed.value);
    return parsed.value;
  }

  /** Why a document could not be loaded, if it could not. */
  failure(uri: string): string | undefined {
    return this.failed.get(uri);
  }
}

export interface Located {
  value: unknown;
  /** Document URI without fragment. */
  uri: string;
  /** JSON Pointer within that document. */
  pointer: string;
}

export type Resolved = { ok: true; at: Located } | { ok: false; message: string };

function own(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  if (Array.isArray(obj)) return /^(0|[1-9]\d*)$/.test(key) ? obj[Number(key)] : undefined;
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The value at a JSON Pointer, or undefined. */
export function atPointer(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const seg of parsePointer(pointer)) {
    cur = own(cur, seg);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Resolves one `$ref` string written in the document at `fromUri`. */
export function resolveRef(set: DocumentSet, fromUri: string, ref: string): Resolved {
  let url: URL;
  try {
    url = new URL(ref, fromUri);
  } catch {
    return { ok: false, message: `$ref "${ref}" is not a valid URI reference` };
  }
  let fragment = url.hash.slice(1);
  url.hash = '';
  const uri = url.href;
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    return { ok: false, message: `$ref "${ref}" has a malformed percent-escape` };
  }
  if (fragment !== '' && !fragment.startsWith('/')) {
    // A plain-name fragment is a JSON Schema $anchor; the validator's lookup resolves those.
    return { ok: false, message: `$ref "${ref}" uses an anchor, which only schemas may use` };
  }
  const doc = set.document(uri);
  if (doc === undefined) {
    const why = set.failure(uri) ?? 'not found';
    return {
      ok: false,
      message: `$ref "${ref}" points into ${set.nameOf(uri)}, which could not be read (${why})`,
    };
  }
  const value = atPointer(doc, fragment);
  if (value === undefined) {
    return {
      ok: false,
      message: `$ref "${ref}" points at nothing: ${set.nameOf(uri)} has no ${fragment || 'root'}`,
    };
  }
  return { ok: true, at: { value, uri, pointer: fragment } };
}

/**
 * Follows `$ref` objects (responses, headers, path items…) to the object they stand for. A chain
 * that comes back to itself is an error rather than a hang.
 */
export function follow(set: DocumentSet, start: Located): Resolved {
  let at = start;
  const seen = new Set<string>();
  for (;;) {
    const v = at.value;
    if (!isJsonObject(v)) return { ok: true, at };
    const ref = (v as Record<string, unknown>).$ref;
    if (typeof ref !== 'string') return { ok: true, at };
    const key = `${at.uri}#${at.pointer}`;
    if (seen.has(key)) return { ok: false, message: `$ref "${ref}" is circular: it leads back to itself` };
    seen.add(key);
    const r = resolveRef(set, at.uri, ref);
    if (!r.ok) return r;
    at = r.at;
  }
}
