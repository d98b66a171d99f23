import { nearest } from '../text/edit-distance';
import { listOf } from '../text/list';

/** What an unknown key could have been: the one it is a typo of, else every key allowed there. */
export function knownKeysHint(key: string, known: readonly string[]): string {
  const near = nearest(key, known);
  return near ? `did you mean "${near}"?` : `expected ${listOf(known, 'or')}`;
}

/** An error for each member of an object at `place` whose key is not one of `known`. */
export function unknownKeys(place: string, given: object, known: readonly string[], errors: string[]): void {
  for (const key of Object.keys(given))
    if (!known.includes(key)) errors.push(`${place}.${key}: unknown setting (${knownKeysHint(key, known)})`);
}
