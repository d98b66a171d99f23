import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { settingsOrDefaults, startingSettings } from '../../../src/state/settings-start';

describe('the settings a surface starts with', () => {
  it('are the stored ones when they can be read', async () => {
    const stored = defaultSettings();
    stored.profiles = ['problem'];
    await expect(startingSettings({ load: () => Promise.resolve(stored) })).resolves.toEqual({
      settings: stored,
      problem: null,
    });
  });

  it('are the defaults, with the reason said, when storage cannot be read at all', async () => {
    const r = await startingSettings({ load: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    expect(r.settings).toEqual(defaultSettings());
    expect(r.problem).toBe(
      'Your stored settings could not be read (QUOTA_BYTES quota exceeded): the panel uses the defaults and saves nothing over them.',
    );
  });

  it('name the reason of a refusal that is not an Error (an object with a message, as Chrome’s lastError is)', async () => {
    const refused = { message: 'IO error: .../Sync Data/LevelDB/000003.log: FILE_ERROR_NO_SPACE' };
    const r = await settingsOrDefaults({ load: () => Promise.reject(refused) });
    expect(r).toEqual({ settings: defaultSettings(), unreadable: refused.message });
    expect((await startingSettings({ load: () => Promise.reject(refused) })).problem).toContain(
      `(${refused.message})`,
    );
  });
});
