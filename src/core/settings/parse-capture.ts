import { BADGE_MODES, MAX_BODY_SIZE_CAP, MAX_RETENTION_CAP, type Settings } from './schema';
import { unknownKeys } from './parse-unknown-keys';
import { isJsonObject as isObject } from '../json/walk';
import { formatBytes, parseByteSize } from '../units/bytes';
import { show } from '../profiles/validate-read';
import { listOf } from '../text/list';

/** The badge modes as the error names them: `"errors" or "5xx"`. */
const BADGE_MODES_TEXT = listOf(
  BADGE_MODES.map((m) => `"${m}"`),
  'or',
);

const isWholeUpTo = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * The body cap in bytes, as the options page saves it (5242880), or as people write a size in a
 * file ("10M", "10 MB", "512k": units/bytes.ts reads them, every unit 1024-based as everywhere
 * in Status Lens). Up to MAX_BODY_SIZE_CAP (schema.ts; a shared file is not trusted more).
 */
function bodySizeCap(v: unknown): number | { problem: string } {
  const bytes = typeof v === 'string' ? parseByteSize(v) : v;
  if (isWholeUpTo(bytes, MAX_BODY_SIZE_CAP)) return bytes;
  const most = `${MAX_BODY_SIZE_CAP} (${formatBytes(MAX_BODY_SIZE_CAP)})`;
  if (typeof bytes === 'number' && Number.isInteger(bytes) && bytes > MAX_BODY_SIZE_CAP)
    return {
      problem: `${show(v)}${typeof v === 'string' ? ` (${bytes} bytes)` : ''} is over the most, ${most}`,
    };
  return {
    problem: `expected a size in bytes from 0 to ${most}: a number such as 10485760, or a string with a unit such as "10 MiB" or "512K" (K, M and G are 1024-based), got ${show(v)}`,
  };
}

/** `capture`: the switches, the two caps (whole numbers; the body cap also as a size with a unit) and the badge's mode. */
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
  if (Object.hasOwn(c, 'bodySizeCap')) {
    const cap = bodySizeCap(c.bodySizeCap);
    if (typeof cap === 'number') s.capture.bodySizeCap = cap;
    else errors.push(`capture.bodySizeCap: ${cap.problem}`);
  }
  if (Object.hasOwn(c, 'retentionCap')) {
    const v = c.retentionCap;
    if (isWholeUpTo(v, MAX_RETENTION_CAP)) s.capture.retentionCap = v;
    else errors.push(`capture.retentionCap: expected a whole number from 0 to ${MAX_RETENTION_CAP}`);
  }
  if (Object.hasOwn(c, 'badgeMode')) {
    const mode = BADGE_MODES.find((m) => m === c.badgeMode);
    if (mode) s.capture.badgeMode = mode;
    else errors.push(`capture.badgeMode: expected ${BADGE_MODES_TEXT}`);
  }
}
