import { describe, expect, it } from 'vitest';
import { enabledProfileIds } from '../../../src/core/profiles/enabled';

describe('enabledProfileIds: the profiles a report names', () => {
  it('lists enabled built-ins and user profiles in profile order, once each', () => {
    expect(
      enabledProfileIds({
        profiles: ['acme', 'hal', 'problem', 'hal'],
        userProfiles: [{ id: 'acme' }, { id: 'other' }],
      }),
    ).toEqual(['problem', 'hal', 'acme']);
  });

  it('leaves out a reference whose document is not there: it judges nothing', () => {
    expect(enabledProfileIds({ profiles: ['problem', 'gone'] })).toEqual(['problem']);
    expect(enabledProfileIds({ profiles: [] })).toEqual([]);
  });
});
