import { clip } from '../text/clip';

/**
 * Where in a response body a finding points, as every report and the panel word it: one label,
 * so the text report, SARIF, JUnit, Markdown and the panel's Overview say the same thing.
 * RFC 6901's empty pointer names the whole document: the body's top-level value (a HAL body
 * that is an array, a schema the whole body breaks).
 */
export const BODY_TOP_LEVEL = 'the top level of the body';

/** The pointer, clipped to `max` when given, or BODY_TOP_LEVEL for the empty pointer. */
export function bodyPlace(pointer: string, max?: number): string {
  if (pointer === '') return BODY_TOP_LEVEL;
  return max === undefined ? pointer : clip(pointer, max);
}

/** "at /data/0/id", "at the top level of the body": the place as it follows a finding's message. */
export function atBodyPlace(pointer: string, max?: number): string {
  return `at ${bodyPlace(pointer, max)}`;
}
