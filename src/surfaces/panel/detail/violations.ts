import type { Finding } from '../../../core/rules/types';

/** The rule whose findings the Body tab marks member by member. */
export const SCHEMA_RULE = 'contract/response-schema';

export interface SchemaViolations {
  /** Members that fail the documented schema, by JSON Pointer, with each violation's message. */
  marks: ReadonlyMap<string, readonly string[]>;
  /** Findings of the rule without a member to mark ("3 more schema violations not listed"). */
  unplaced: string[];
}

const NONE: SchemaViolations = { marks: new Map(), unplaced: [] };

/**
 * Which body members a row's `contract/response-schema` findings point at. A `required`
 * violation points at the object that lacks the member, `additionalProperties` at the member
 * itself, so marking the pointer always marks something the user can see in the tree.
 */
export function schemaViolations(findings: readonly Finding[] | undefined): SchemaViolations {
  if (!findings || !findings.some((f) => f.rule === SCHEMA_RULE)) return NONE;
  const marks = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const f of findings) {
    if (f.rule !== SCHEMA_RULE) continue;
    if (f.pointer === undefined) {
      unplaced.push(f.message);
      continue;
    }
    const list = marks.get(f.pointer);
    if (list) list.push(f.message);
    else marks.set(f.pointer, [f.message]);
  }
  return { marks, unplaced };
}
