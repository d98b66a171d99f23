// schemas/profile.schema.json is written by hand, but for its `id`: which ids a user profile may
// not take is the registry's to say (the built-in profiles and the families of built-in rules), so
// `npm run schemas` writes that member from here, and test/unit/profiles/schema.test.ts fails while
// the file's differs. The validator, src/core/profiles/validate.ts, reads the same lists.
import { BUILTIN_PROFILE_IDS } from '../src/core/profiles/builtins';
import { PROFILE_ID_PATTERN, TAKEN_PROFILE_IDS } from '../src/core/profiles/validate';
import { listOf } from '../src/core/text/list';

export type JsonSchema = { [keyword: string]: unknown };

/** The pattern's source without its anchors, to be composed into another. */
export const unanchored = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '');
const TAKEN = TAKEN_PROFILE_IDS.join('|');
/**
 * A user profile's id: well-formed, and no built-in profile's or built-in rule family's. One
 * pattern, for draft-07 editors as for 2020-12 ones (a lookahead: JSON Schema's patterns are
 * ECMA-262's); the settings schema names user profiles by it too.
 */
export const USER_PROFILE_ID = `^(?!(?:${TAKEN})$)${unanchored(PROFILE_ID_PATTERN)}$`;

/** profile.schema.json's `id` member. */
export function profileIdSchema(): JsonSchema {
  const families = TAKEN_PROFILE_IDS.filter((id) => !BUILTIN_PROFILE_IDS.includes(id));
  return {
    description: `Lower-case letters, digits and dashes, starting with a letter, at most 40 characters; prefixes the ids of the rules the profile's data generates (acme/media-type). Not a built-in profile's id (${listOf(BUILTIN_PROFILE_IDS, 'or')}) nor a family of built-in rules (${listOf(families, 'or')}): those are taken.`,
    type: 'string',
    pattern: USER_PROFILE_ID,
  };
}

/** The profile schema with its `id` member as the registry has it, every other member as written. */
export function profileSchema(written: JsonSchema): JsonSchema {
  const properties = { ...(written.properties as Record<string, JsonSchema>), id: profileIdSchema() };
  return { ...written, properties };
}
