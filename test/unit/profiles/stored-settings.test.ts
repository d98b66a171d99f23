import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_IDS } from '../../../src/core/profiles/registry';
import { parseSettings } from '../../../src/core/settings/parse';

/** The synced settings refer to user profiles whose documents live in local storage. */
const stored = {
  version: 1,
  profiles: ['problem', 'acme'],
  profileScopes: { acme: { urls: ['https://api.acme.example/*'] } },
  rules: { 'acme/media-type': 'off', 'graphql/media-type': 'error' },
};

describe('settings as stored in sync, with references to user profiles', () => {
  it('a settings file must hold the profiles it names', () => {
    const r = parseSettings(stored, BUILTIN_RULE_IDS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'profiles[1]: unknown profile "acme" (expected problem, hal, envelope, graphql or jsonapi)',
      'profileScopes["acme"]: unknown profile (expected problem, hal, envelope, graphql or jsonapi)',
      'rules["acme/media-type"]: unknown rule',
    ]);
  });

  it('stored settings keep them (they are not lost to the defaults), and still refuse what no profile can be', () => {
    const r = parseSettings(stored, BUILTIN_RULE_IDS, { profilesStoredApart: true });
    expect(r.ok && r.settings.profiles).toEqual(['problem', 'acme']);
    expect(r.ok && r.settings.rules).toEqual({ 'acme/media-type': 'off', 'graphql/media-type': 'error' });
    expect(r.ok && r.settings.profileScopes.acme).toEqual({ urls: ['https://api.acme.example/*'] });
    const bad = parseSettings({ profiles: ['Not An Id', 7] }, BUILTIN_RULE_IDS, {
      profilesStoredApart: true,
    });
    expect(bad.ok).toBe(false);
  });
});
