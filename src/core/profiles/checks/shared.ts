import { statusFamily } from '../../exchange/family';
import type { RuleSource } from '../../rules/types';
import type { ProfileDocument } from '../types';
import { listOf } from '../../text/list';
import { agreeWith } from '../../text/plural';

/** Success or error, the two kinds of response a profile's media types and body shapes speak of. */
export function outcome(status: number): 'success' | 'error' | undefined {
  const family = statusFamily(status);
  if (family === '2xx') return 'success';
  if (family === '4xx' || family === '5xx') return 'error';
  return undefined;
}

/**
 * The profile as the subject of a finding's sentence: "Acme API serves errors as …". A name that
 * is itself a list ("HAL successes, Problem Details errors", the docs' worked example) would run
 * into the sentence, so it is quoted: 'the profile "HAL successes, Problem Details errors" serves …'.
 */
export function profileSubject(doc: ProfileDocument): string {
  return /[,;]/.test(doc.name) ? `the profile "${doc.name}"` : doc.name;
}

/** "so it lacks "title" and "detail"": the required members a body without them misses. */
export function lacking(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return `so it lacks ${listOf(q)}, which ${agreeWith(q.length).is} required`;
}

/** A generated rule cites its profile's own source. */
export function profileSource(doc: ProfileDocument): RuleSource {
  return { label: doc.name, url: doc.source };
}
