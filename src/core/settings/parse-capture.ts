import { MAX_BODY_SIZE_CAP, MAX_RETENTION_CAP, type Settings } from './schema';
import { unknownKeys } from './parse-unknown-keys';
import { isJsonObject as isObject } from '../json/walk';

/** Upper bounds of the capture's numbers (schema.ts; a shared file is not trusted more). */
const CAPS = { bodySizeCap: MAX_BODY_SIZE_CAP, retentionCap: MAX_RETENTION_CAP } as const;

/** `capture`: the switches, the two caps (whole numbers up to CAPS) and the badge's mode. */
export function parseCapture(c: unknown, s: Settings, errors: string[]): void {
  if (!isObject(c)) {
    errors.push('capture: expected an object');
    return;
  }
  unknownKeys('capture', c, Object.keys(s.capture), errors);
  for (const key of ['apiOnly', 'preserveLog', 'monitoring'] as const) {
    if (Object.hasOwn(c, key)) {
      if (typeof c[key] === 'boolean') s.capture[key] = c[key];
      else errors.push(`capture.${key}: expected true or false`);
    }
  }
  for (const key of ['bodySizeCap', 'retentionCap'] as const) {
    if (Object.hasOwn(c, key)) {
      const v = c[key];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= CAPS[key]) s.capture[key] = v;
      else errors.push(`capture.${key}: expected a whole number from 0 to ${CAPS[key]}`);
    }
  }
  if (Object.hasOwn(c, 'badgeMode')) {
    if (c.badgeMode === 'errors' || c.badgeMode === '5xx') s.capture.badgeMode = c.badgeMode;
    else errors.push('capture.badgeMode: expected "errors" or "5xx"');
  }
}
