/** How many earlier exchanges a finding about a run (retries, repeats, polls) names at most. */
export const MAX_RUN_REFS = 12;

/**
 * Adds an exchange to those a run's finding will name, bounded: once full, the first half stays
 * and the rest slides, so a long run is named by how it began and by what came just before the
 * finding. Keeping only the first ones (as two rules did) named none of the sends next to the
 * finding when a raised threshold made the run long, and dropped one in the middle as if the
 * finding's own exchange had been kept.
 */
export function keepRef<T>(refs: T[], item: T, max: number = MAX_RUN_REFS): void {
  if (refs.length >= max) refs.splice(Math.floor(max / 2), 1);
  refs.push(item);
}
