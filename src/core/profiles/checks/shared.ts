import { statusFamily } from '../../exchange/family';
import type { RuleSource } from '../../rules/types';
import type { ProfileDocument } from '../types';

/** Success or error, the two kinds of response a profile's media types and body shapes speak of. */
export function outcome(status: number): 'success' | 'error' | undefined {
  const family = statusFamily(status);
  if (family === '2xx') return 'success';
  if (family === '4xx' || family === '5xx') return 'error';
  return undefined;
}

/** A generated rule cites its profile's own source. */
export function profileSource(doc: ProfileDocument): RuleSource {
  return { label: doc.name, url: doc.source };
}
