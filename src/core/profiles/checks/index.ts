import type { Rule } from '../../rules/types';
import type { ProfileDocument } from '../types';
import { bodyShapeCheck } from './body-shape';
import { expectedStatusCheck } from './expected-status';
import { mediaTypeCheck } from './media-type';
import { requiredHeadersCheck } from './required-headers';

/**
 * The parameterised checks a profile's data selects: each reads one field of the document
 * and yields a rule `<profile>/<check>`, or nothing when the field is absent.
 */
export const DATA_CHECKS: readonly ((doc: ProfileDocument) => Rule | undefined)[] = [
  mediaTypeCheck,
  bodyShapeCheck,
  expectedStatusCheck,
  requiredHeadersCheck,
];

/** The names the data checks give their rules, reserved so a function check cannot collide. */
export const DATA_CHECK_NAMES = ['media-type', 'body-shape', 'expected-status', 'required-headers'] as const;
