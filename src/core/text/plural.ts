/**
 * The one way a count and its noun are written for people ("1 entry", "2 entries", "0 matches"):
 * the panel, the popup, the options page and the CLI all say it through here, so no surface
 * ever writes "1 entries". `plural` defaults to the singular plus "s".
 */
export function countOf(n: number, singular: string, plural: string = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The noun alone, for sentences that place the number themselves. */
export function nounFor(n: number, singular: string, plural: string = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** The words that agree with a count, for a sentence that goes on about what it counted. */
export interface Agreement {
  /** "which is required" / "which are required". */
  is: 'is' | 'are';
  /** The subject: "so it is off" / "so they are off". */
  they: 'it' | 'they';
  /** The object: "until you delete it" / "them". */
  them: 'it' | 'them';
}

const ONE: Agreement = { is: 'is', they: 'it', them: 'it' };
const MANY: Agreement = { is: 'are', they: 'they', them: 'them' };

/** "is" or "are", "it" or "they" / "them", as countOf picks the noun: singular for exactly 1. */
export function agreeWith(n: number): Agreement {
  return n === 1 ? ONE : MANY;
}
