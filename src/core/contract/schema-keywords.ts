import { isJsonObject } from '../json/walk';

/**
 * JSON Schema 2020-12's applicators grouped by the shape of their value: the walks over a
 * schema (schema.ts: converting it, finding what a schema reaches, and in-place cycles) read
 * these lists, so a keyword added here is followed by all of them.
 */
/** Keywords whose value is one schema. */
export const ONE = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
] as const;
/** Keywords whose value is an array of schemas. */
export const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to schemas. */
export const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
/** Keywords applied to the same instance: a cycle through only these never ends. */
export const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;
export const IN_PLACE_MANY = ['allOf', 'anyOf', 'oneOf'] as const;

/** A schema object (a boolean schema is not one). */
export type Obj = Record<string, unknown>;
/**
 * json/walk.ts's isJsonObject (no array, no null), typed as `Obj`: the schema walks write values
 * that are not JSON-typed (a resolved $ref target, markers) into the objects they narrow.
 */
export const isObj: (v: unknown) => v is Obj = isJsonObject;
