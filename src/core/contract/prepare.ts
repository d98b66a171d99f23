import { isJsonObject as isObj } from '../json/walk';
import { jsonPointer } from '../json/pointer';
import { detectVersion, parseDocumentText } from './parse';
import { addOperation, newNode } from './paths';
import { prepareResponses, shapeOf } from './prepare-responses';
import { DocumentSet, follow, type Located, type RefLoader } from './refs';
import { SchemaPreparer } from './schema';
import { FastValidator } from './fast';
import { unknownKeys, type KeyedObject } from './known-keys';
import { sameScope, scopesOf, serverScopes } from './servers';
import type { ContractProblem, PreparedContract, PreparedOperation } from './types';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Obj = Record<string, unknown>;

export interface ContractSource {
  /** The name messages use: the file name. */
  name: string;
  text: string;
  /** Absolute URI the document's relative `$ref`s resolve against (the CLI passes a file: URL). */
  uri?: string;
  /** "My staging host serves this spec": replaces the document's `servers`. */
  baseUrl?: string;
}

export interface PrepareOptions {
  /** Reads a document a relative `$ref` names. Without it, only internal references resolve. */
  loadRef?: RefLoader;
  /** Why a document `loadRef` did not give is missing, for the message ('not found' by default). */
  missingRef?: (uri: string) => string;
  /**
   * The name messages use for a document a `$ref` leads to (the CLI: its path from the working
   * directory); by default, its path from the description's folder.
   */
  nameOf?: (uri: string) => string | undefined;
}

export type PrepareResult =
  { ok: true; contract: PreparedContract } | { ok: false; problem: ContractProblem };

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Parses, checks and indexes one description. Fatal problems (not JSON/YAML, not OpenAPI 3.x,
 * too large) reject the document; anything narrower disables only the operations it touches and
 * is listed in `contract.problems`.
 */
export function prepareContract(source: ContractSource, options: PrepareOptions = {}): PrepareResult {
  const parsed = parseDocumentText(source.name, source.text);
  if (!parsed.ok) return parsed;
  const version = detectVersion(source.name, parsed.value);
  if (!version.ok) return version;
  const doc = parsed.value as Obj;
  let mainUri: string;
  try {
    // Not an http URL: nothing in the bundle should look like a host the extension talks to.
    mainUri = new URL(source.uri ?? `openapi-document:/${encodeURIComponent(source.name)}`).href;
  } catch {
    mainUri = 'openapi-document:/document';
  }
  const problems: ContractProblem[] = [];
  const names = (uri: string) => {
    if (uri === mainUri) return source.name;
    const named = options.nameOf?.(uri);
    if (named !== undefined) return named;
    try {
      const main = new URL(mainUri);
      const u = new URL(uri);
      const dir = main.pathname.replace(/[^/]*$/, '');
      return decodeURIComponent(u.pathname.startsWith(dir) ? u.pathname.slice(dir.length) : u.pathname);
    } catch {
      return uri;
    }
  };
  const set = new DocumentSet(mainUri, doc, names, options.loadRef, problems, options.missingRef);
  const schemas = new SchemaPreparer(set, version.version);
  const operations: PreparedOperation[] = [];
  const schemaKeys = new Map<PreparedOperation, string[]>();
  const paths = isObj(doc.paths) ? doc.paths : {};
  // What is skipped for its shape is said, never dropped in silence: a typo there would
  // otherwise leave its traffic "undocumented" with nothing to say why.
  const skipped = (location: string, message: string) =>
    problems.push({ document: source.name, location, message });
  // A key OpenAPI does not allow there is read as nothing: a typo (`gte:`, `server:`) is said.
  const unknown = (value: Obj, what: KeyedObject, uri: string, pointer: string) => {
    for (const u of unknownKeys(value, what, version.version, pointer))
      problems.push({ document: set.nameOf(uri), location: u.pointer, message: u.message });
  };
  unknown(doc, 'document', mainUri, '');
  if (doc.paths !== undefined && !isObj(doc.paths))
    skipped('/paths', `paths is not an object but ${shapeOf(doc.paths)}: no operation is documented`);

  for (const path of Object.keys(paths)) {
    const itemPointer = jsonPointer(['paths', path]);
    if (!path.startsWith('/')) {
      // Specification extensions (x-…) may sit among the paths.
      if (!path.startsWith('x-')) skipped(itemPointer, `path ${path} is skipped: a path must start with "/"`);
      continue;
    }
    const item = follow(set, { value: paths[path], uri: mainUri, pointer: itemPointer });
    if (!item.ok) {
      problems.push({
        document: source.name,
        location: itemPointer,
        message: `path ${path} is skipped: ${item.message}`,
      });
      continue;
    }
    if (!isObj(item.at.value)) {
      skipped(
        itemPointer,
        `path ${path} is skipped: a Path Item is an object, not ${shapeOf(item.at.value)}`,
      );
      continue;
    }
    unknown(item.at.value, 'Path Item', item.at.uri, item.at.pointer);
    // OpenAPI 3.x: a path item's `servers`, then an operation's, replace the document's.
    const pathScopes = serverScopes(item.at.value.servers);
    for (const method of HTTP_METHODS) {
      const opValue = item.at.value[method];
      if (opValue === undefined) continue;
      if (!isObj(opValue)) {
        skipped(
          item.at.pointer + jsonPointer([method]),
          `${method.toUpperCase()} ${path} is skipped: an Operation is an object, not ${shapeOf(opValue)}`,
        );
        continue;
      }
      unknown(opValue, 'Operation', item.at.uri, item.at.pointer + jsonPointer([method]));
      const op: PreparedOperation = {
        method: method.toUpperCase(),
        pathTemplate: path,
        deprecated: opValue.deprecated === true,
        pointer: jsonPointer(['paths', path, method]),
        responses: [],
      };
      const operationId = str(opValue.operationId);
      if (operationId !== undefined) op.operationId = operationId;
      const opScopes = serverScopes(opValue.servers);
      if (opScopes.length > 0) op.scopes = opScopes;
      else if (pathScopes.length > 0) op.scopes = pathScopes;
      const summary = str(opValue.summary);
      if (summary !== undefined) op.summary = summary;
      const keys: string[] = [];
      const at: Located = {
        value: opValue,
        uri: item.at.uri,
        pointer: item.at.pointer + jsonPointer([method]),
      };
      const broken = prepareResponses(op, at, set, schemas, keys, skipped);
      if (broken) op.disabled = broken;
      schemaKeys.set(op, keys);
      operations.push(op);
    }
  }

  schemas.finish();
  for (const op of operations) {
    if (op.disabled === undefined) {
      for (const key of schemaKeys.get(op) ?? []) {
        const why = schemas.problemFor(key);
        if (why) {
          op.disabled = why;
          break;
        }
      }
    }
    if (op.disabled !== undefined) {
      problems.push({
        document: source.name,
        location: op.pointer,
        message: `${op.method} ${op.pathTemplate} is not checked against its responses: ${op.disabled}`,
      });
    }
  }

  const index = newNode();
  for (const op of operations) addOperation(index, op);
  const info = isObj(doc.info) ? doc.info : {};
  const scopes = scopesOf(doc, source.baseUrl);
  const allScopes = [...scopes];
  for (const op of operations)
    for (const s of op.scopes ?? []) if (!allScopes.some((a) => sameScope(a, s))) allScopes.push(s);
  return {
    ok: true,
    contract: {
      name: source.name,
      version: version.version,
      title: str(info.title) ?? source.name,
      apiVersion: str(info.version) ?? '',
      scopes,
      allScopes,
      operations,
      problems,
      index,
      lookup: schemas.lookup,
      baseUri: mainUri,
      schemaInfo: schemas.info,
      where: (i) => schemas.named(i.uri, i.pointer),
      fast: new FastValidator(schemas.lookup),
    },
  };
}
