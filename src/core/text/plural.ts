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
