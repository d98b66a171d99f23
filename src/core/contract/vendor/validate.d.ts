import type { Schema, SchemaDraft, ValidationResult } from '@cfworker/json-schema';
export type Evaluated = Record<string | number, boolean>;
/** @cfworker/json-schema's validate, with `pattern`/`patternProperties` on RE2 (see validate.js). */
export declare function validate(
  instance: unknown,
  schema: Schema | boolean,
  draft?: SchemaDraft,
  lookup?: Record<string, Schema | boolean>,
  shortCircuit?: boolean,
  recursiveAnchor?: Schema | null,
  instanceLocation?: string,
  schemaLocation?: string,
  evaluated?: Evaluated,
): ValidationResult;
