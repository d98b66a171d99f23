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
    // Already readable: only the final period goes, as no other finding ends with one.
    ['maxLength', 'String is too long (12 > 10).', 'String is too long (12 > 10)'],
  ])('%s: %s', (keyword, raw, plain) => {
    const out = plainViolationMessage(keyword, raw);
    expect(out).toBe(plain);
    expect(out).not.toMatch(/Instance/);
  });
});
