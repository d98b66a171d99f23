import { describe, expect, it } from 'vitest';
import { MemoryPermissions, MemoryProfileStore, MemorySettingsStore } from '../../../src/adapters/memory';
import { BUILTIN_PROFILE_IDS, knownProfileIds } from '../../../src/core/profiles/builtins';
import { enabledProfileIds } from '../../../src/core/profiles/enabled';
import { parseSettings } from '../../../src/core/settings/parse';
import { defaultSettings } from '../../../src/core/settings/schema';
import { listOf } from '../../../src/core/text/list';
import { createOptionsStore } from '../../../src/state/options-store';
import { cli, harEntry, harText, writeScratch } from '../cli/cli-harness';

/**
 * "The built-in profiles plus the user's" is one list (knownProfileIds): the CLI's --profile,
 * a settings file's `profiles`, the options page's switches and the reports all read it, so a
 * profile one of them takes is never one another refuses or lists in another order.
 */
const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
};

describe('knownProfileIds', () => {
  it('lists the built-ins in display order, then the user’s own, once each', () => {
    expect(knownProfileIds([{ id: 'acme' }, { id: 'other' }, { id: 'acme' }])).toEqual([
      ...BUILTIN_PROFILE_IDS,
      'acme',
      'other',
    ]);
  });
});

describe('every surface reads the same list', () => {
  it('the CLI’s --profile takes, and names, exactly those ids', async () => {
    const har = writeScratch('t.har', harText([harEntry()]));
    const file = writeScratch('acme.json', acme);
    const r = await cli(['lint', har, '--profile-file', file, '--profile', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--profile must be one of ${listOf(knownProfileIds([acme]), 'or')}`);
  });

  it('a settings file’s unknown profile is named against the same ids', () => {
    const r = parseSettings({ version: 1, userProfiles: [acme], profiles: ['acm'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain(
      'profiles[0]: unknown profile "acm" (did you mean "acme"?)',
    );
  });

  it('the options page saves the switched-on profiles in the order reports name them', async () => {
    const settings = new MemorySettingsStore({ ...defaultSettings(), profiles: [] });
    const store = createOptionsStore({
      settings,
      profiles: new MemoryProfileStore({ profiles: [acme] }),
      permissions: new MemoryPermissions(false, true),
      download: () => undefined,
      debounceMs: 5,
    });
    const stop = store.getState().start();
    try {
      await expect.poll(() => store.getState().phase).toBe('ready');
      for (const [id, on] of [
        ['acme', true],
        ['hal', true],
        ['problem', true],
        ['hal', false],
        ['jsonapi', true],
      ] as const)
        store.getState().setProfile(id, on);
      const saved = store.getState().settings.profiles;
      expect(saved).toEqual(['problem', 'jsonapi', 'acme']);
      expect(saved).toEqual(enabledProfileIds({ profiles: saved, userProfiles: [acme] }));
    } finally {
      stop();
    }
  });
});
