import type { Schema } from '@cfworker/json-schema';
import type { SchemaInfo } from './schema';
import type { FastValidator } from './fast';

/** Where something in a description is: the document's name and a JSON Pointer or line. */
export interface ContractProblem {
  document: string;
  /** RFC 6901 pointer into the document ('' for the whole document), or `line N, column M` (core/text/position.ts) for syntax errors. */
  location: string;
  message: string;
}

export type OpenApiVersion = '3.0' | '3.1';

/** A documented response header. */
export interface PreparedHeader {
  name: string;
  required: boolean;
  /** Absolute schema URI in the contract's lookup, when the header has a schema. */
  schema?: string;
}

export interface PreparedMedia {
  /** Lower-cased, parameters stripped: `application/json`, `image/*`, `*\/*`. */
  mediaType: string;
  /** Absolute schema URI in the contract's lookup, when the media type has a schema. */
  schema?: string;
}

export interface PreparedResponse {
  /** `200`, `4XX` or `default`, as written (ranges upper-cased). */
  key: string;
  /** Pointer to the response object in the document. */
  pointer: string;
  headers: PreparedHeader[];
  /** Undefined when the response documents no content at all. */
  content: PreparedMedia[] | undefined;
}

export interface PreparedOperation {
  method: string;
  pathTemplate: string;
  operationId?: string;
  summary?: string;
  deprecated: boolean;
  /** Pointer to the operation object. */
  pointer: string;
  responses: PreparedResponse[];
  /** Why this operation is not checked beyond being documented (its schema could not be compiled). */
  disabled?: string;
  /**
   * Where this operation is served when its path item or itself lists `servers` (OpenAPI lets
   * both override the document's); undefined: the document's scopes.
   */
  scopes?: ServerScope[];
}

/** One place a document is served from: an origin (or any origin for relative servers) and a base path. */
export interface ServerScope {
  /** `https://api.example.com` (lower-case, default port dropped), or undefined to match any origin. */
  origin?: string;
  /** Decoded path without a trailing slash: '' or '/api/v3'. */
  basePath: string;
}

/** A description, parsed and checked once, indexed for matching. Immutable after preparation. */
export interface PreparedContract {
  /** The name the user knows the document by (file name). */
  name: string;
  version: OpenApiVersion;
  title: string;
  apiVersion: string;
  scopes: ServerScope[];
  /** The document's scopes and every path's or operation's own, without repeats: where to look. */
  allScopes: ServerScope[];
  operations: PreparedOperation[];
  /** Problems that did not stop the document from being used (disabled operations and why). */
  problems: ContractProblem[];
  /** Internal: the path index and the schema lookup the validator reads. */
  readonly index: PathNode;
  readonly lookup: Record<string, Schema | boolean>;
  /** The main document's URI, which relative `$ref`s resolve against. */
  readonly baseUri: string;
  /** Where each prepared schema object sits in the description, and how a finding names it (`openapi.yaml#/…`). */
  readonly schemaInfo: ReadonlyMap<object, SchemaInfo>;
  readonly where: (info: SchemaInfo) => string;
  /** The fast path for conforming values (most traffic). */
  readonly fast: FastValidator;
}

export interface PathNode {
  literal: Map<string, PathNode>;
  /** Segments with parameters, most specific (most literal characters) first. */
  params: { segment: ParamSegment; node: PathNode }[];
  /** Operations whose template ends here, by upper-case method. */
  operations?: Map<string, PreparedOperation>;
}

export interface ParamSegment {
  /** The template segment as written: `{id}` or `{name}.json`. */
  text: string;
  /** Literal characters in the segment (more is more specific). */
  literalLength: number;
  /** For a whole-segment parameter, undefined; else the literal pieces between parameters. */
  pieces?: string[];
}

/** What an exchange matched. */
export type ContractMatch =
  | {
      kind: 'operation';
      contract: PreparedContract;
      operation: PreparedOperation;
      response?: PreparedResponse;
    }
  | {
      kind: 'undocumented';
      contract: PreparedContract;
      /** The request path after the base path as recorded (`/Another%20Test`), ids as `{id}` (endpoints/route-template.ts). */
      path: string;
      /** Methods the path is documented for, when the path matched but the method did not. */
      methods: string[];
    };
