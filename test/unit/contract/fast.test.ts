import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateValue } from '../../../src/core/contract/validate';
import type { PreparedContract } from '../../../src/core/contract';
import { fixtureContract } from '../../helpers/contracts';

/** The full validator's verdict, bypassing the fast path. */
function fullViolations(c: PreparedContract, key: string, v: unknown): number {
  return validateValue(v, key, c.lookup, c.schemaInfo, c.where).total;
}

const petstore = fixtureContract('petstore-3.0.yaml');
const museum = fixtureContract('museum-3.1.yaml');
const schemaOf = (c: PreparedContract, operationId: string, status = '200') =>
  c.operations
    .find((o) => o.operationId === operationId)!
    .responses.find((r) => r.key === status)!
    .content!.find((m) => m.mediaType === 'application/json')!.schema!;

const cases: [string, PreparedContract, string][] = [
  ['Petstore Pet', petstore, schemaOf(petstore, 'getPetById')],
  ['Petstore inventory (int32 map)', petstore, schemaOf(petstore, 'getInventory')],
  ['Petstore Order', petstore, schemaOf(petstore, 'getOrderById')],
  ['Museum hours (date, pattern)', museum, schemaOf(museum, 'getMuseumHours')],
  ['Museum tickets (allOf, uuid, enum)', museum, schemaOf(museum, 'buyMuseumTickets', '201')],
];

// Values shaped like the schemas' members, so generated objects come close to valid often.
const member = fc.oneof(
  fc.constantFrom(
    'available',
    'sold',
    'event',
    'general',
    '2024-12-31',
    '09:00',
    'a54a57ca-36f8-421b-a6b4-2e8f26858a4c',
    'x',
  ),
  fc.integer(),
  fc.constantFrom(3000000000, 1.5, -1, null, true),
  fc.array(fc.string(), { maxLength: 2 }),
);
const keys = fc.constantFrom(
  'id',
  'name',
  'photoUrls',
  'status',
  'quantity',
  'date',
  'timeOpen',
  'timeClose',
  'ticketId',
  'ticketDate',
  'ticketType',
  'message',
  'confirmationCode',
  'extra',
);
const shaped = fc.dictionary(keys, member, { maxKeys: 8 });
const value = fc.oneof(shaped, fc.array(shaped, { maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }));

describe('the fast path never calls a non-conforming value valid', () => {
  it.each(cases)('%s', (_name, c, key) => {
    fc.assert(
      fc.property(value, (v) => {
        if (c.fast.valid(key, v)) expect(fullViolations(c, key, v)).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('and takes conforming bodies itself (the reason it exists)', () => {
    expect(
      petstore.fast.valid(schemaOf(petstore, 'getPetById'), {
        id: 1,
        name: 'rex',
        photoUrls: [],
        status: 'sold',
      }),
    ).toBe(true);
    expect(
      museum.fast.valid(schemaOf(museum, 'getMuseumHours'), [
        { date: '2024-12-31', timeOpen: '09:00', timeClose: '18:00' },
      ]),
    ).toBe(true);
    expect(petstore.fast.valid(schemaOf(petstore, 'getInventory'), { sold: 3000000000 })).toBe(false);
  });
});
