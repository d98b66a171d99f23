import { describe, expect, it } from 'vitest';
import { plainViolationMessage } from '../../../src/core/contract/messages';

/** The validator's own wording, as cfworker writes it, against what a finding says. */
describe('schema violations are worded for API developers, not as "Instance …"', () => {
  it.each([
    ['type', 'Instance type "string" is invalid. Expected "integer".', 'expected integer, got string'],
    [
      'type',
      'Instance type "number" is invalid. Expected "string", "null".',
      'expected string or null, got number',
    ],
    ['required', 'Instance does not have required property "name".', 'required member "name" is missing'],
    [
      'enum',
      'Instance does not match any of ["available","pending","sold"].',
      'not one of the allowed values ["available","pending","sold"]',
    ],
    ['const', 'Instance does not match "v2".', 'not the value "v2" the schema requires (const)'],
    ['anyOf', 'Instance does not match any subschemas.', 'matches none of the anyOf schemas'],
    [
      'oneOf',
      'Instance does not match exactly one subschema (2 matches).',
      'matches 2 of the oneOf schemas; exactly one must match',
    ],
    ['not', 'Instance matched "not" schema.', 'matches the schema under "not", which it must not'],
    [
      'dependentRequired',
      'Instance has "card" but does not have "expiry".',
      'has member "card" but not "expiry", which must come with it',
    ],
    ['minProperties', 'Instance does not have at least 2 properties.', 'has fewer than 2 members'],
    // cfworker words maxProperties as if it were minProperties.
    ['maxProperties', 'Instance does not have at least 3 properties.', 'has more than 3 members'],
    ['format', 'String does not match format "date".', 'not a valid date (format "date")'],
    ['pattern', 'String does not match pattern.', 'does not match the pattern'],
    ['minLength', 'String is too short (2 < 3).', '2 characters, fewer than the minimum of 3'],
    ['maxLength', 'String is too long (12 > 10).', '12 characters, more than the maximum of 10'],
    ['minItems', 'Array has too few items (0 < 1).', '0 items, fewer than the minimum of 1'],
    ['maxItems', 'Array has too many items (5 > 4).', '5 items, more than the maximum of 4'],
    [
      'uniqueItems',
      'Duplicate items at indexes 1 and 3.',
      'items 1 and 3 are equal, and the schema wants unique items',
    ],
    // Readable as it is: only the final period goes, as no other finding ends with one.
    ['multipleOf', '7 is not a multiple of 2.', '7 is not a multiple of 2'],
  ])('%s: %s', (keyword, raw, plain) => {
    const out = plainViolationMessage(keyword, raw);
    expect(out).toBe(plain);
    expect(out).not.toMatch(/Instance/);
  });
});
