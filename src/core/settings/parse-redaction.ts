import type { Settings } from './schema';
import { unknownKeys } from './parse-unknown-keys';
import { isJsonObject as isObject } from '../json/walk';

/** `redaction`: the three lists of names, kept trimmed and lower-cased, blanks dropped. */
export function parseRedaction(r: unknown, s: Settings, errors: string[]): void {
  if (!isObject(r)) {
    errors.push('redaction: expected an object');
    return;
  }
  unknownKeys('redaction', r, Object.keys(s.redaction), errors);
  for (const key of ['headers', 'queryParams', 'bodyMembers'] as const) {
    if (!Object.hasOwn(r, key)) continue;
    const v = r[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      s.redaction[key] = (v as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean);
    } else errors.push(`redaction.${key}: expected an array of names`);
  }
}
