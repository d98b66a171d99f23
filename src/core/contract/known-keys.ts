/**
 * The members OpenAPI allows in the objects whose keys it fixes, so a typo in one is said: read
 * by name, `gte:` under a path was dropped and its traffic read as undocumented, and a top-level
 * `server:` left the description judging every host, both in silence. Specification extensions
 * (`x-…`) are allowed in all of them.
 */
import { jsonPointer } from '../json/pointer';
import { knownKeysHint } from '../settings/parse-unknown-keys';
import { nearest } from '../text/edit-distance';
import type { OpenApiVersion } from './types';

const OPENAPI_30_KEYS = [
  'openapi',
  'info',
  'servers',
  'paths',
  'components',
  'security',
  'tags',
  'externalDocs',
];
/** OpenAPI 3.1 adds webhooks and jsonSchemaDialect (and makes paths optional). */
const OPENAPI_31_ONLY = ['webhooks', 'jsonSchemaDialect'];

export const PATH_ITEM_KEYS = [
  '$ref',
  'summary',
  'description',
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'servers',
  'parameters',
] as const;

export const OPERATION_KEYS = [
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
] as const;

/** Where the keys are checked, as a message names it. */
export type KeyedObject = 'document' | 'Path Item' | 'Operation';

/**
 * One unknown key: its JSON Pointer (`/paths/~1pets/gte`) and what to say of it,
 * `unknown key in a Path Item, ignored (did you mean "get"?)`.
 */
export interface UnknownKey {
  pointer: string;
  message: string;
}

function allowed(what: KeyedObject, version: OpenApiVersion): readonly string[] {
  if (what === 'Path Item') return PATH_ITEM_KEYS;
  if (what === 'Operation') return OPERATION_KEYS;
  return version === '3.1' ? [...OPENAPI_30_KEYS, ...OPENAPI_31_ONLY] : OPENAPI_30_KEYS;
}

const PLACE: Record<KeyedObject, string> = {
  document: 'at the top level of the document',
  'Path Item': 'in a Path Item',
  Operation: 'in an Operation',
};

/** The one it is a typo of, else what may be there. */
function hintFor(key: string, what: KeyedObject, version: OpenApiVersion, known: readonly string[]): string {
  if (what === 'document' && version === '3.0' && OPENAPI_31_ONLY.includes(key))
    return `${key} is OpenAPI 3.1's, and this document declares 3.0`;
  if (nearest(key, known) !== undefined) return knownKeysHint(key, known);
  return `${knownKeysHint(key, known)}, or an extension starting with "x-"`;
}

/** The members of `obj` (at `pointer`) OpenAPI does not allow there, in document order. */
export function unknownKeys(
  obj: Record<string, unknown>,
  what: KeyedObject,
  version: OpenApiVersion,
  pointer: string,
): UnknownKey[] {
  const known = allowed(what, version);
  const out: UnknownKey[] = [];
  for (const key of Object.keys(obj)) {
    if (key.startsWith('x-') || known.includes(key)) continue;
    out.push({
      pointer: pointer + jsonPointer([key]),
      message: `unknown key ${JSON.stringify(key)} ${PLACE[what]}, ignored (${hintFor(key, what, version, known)})`,
    });
  }
  return out;
}
