// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { renderOptions, uploadFile } from '../../helpers/options';

afterEach(cleanup);

const setup = () => renderOptions({ ...defaultSettings(), profiles: ['problem'] });

const upload = (text: string, name: string) => uploadFile('Import settings from a JSON file', text, name);

describe('options: a settings file that cannot be imported', { timeout: 20_000 }, () => {
  it('names the file and each place that is wrong; the settings in force keep working', async () => {
    const { settingsStore, user } = setup();
    await upload(
      JSON.stringify({ version: 1, profiles: ['soap'], capture: { badgeMode: 'all' } }),
      'team-settings.json',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The settings in team-settings.json were not imported; those in force stay as they are:',
    );
    expect(within(alert).getByText(/^profiles\[0\]: unknown profile "soap"/)).toBeInTheDocument();
    expect(within(alert).getByText(/^capture\.badgeMode: expected "errors" or "5xx"/)).toBeInTheDocument();
    expect(settingsStore.saved).toHaveLength(0);
    // Nothing of the file was taken, and the page goes on editing what is stored.
    expect(screen.getByRole('switch', { name: 'Problem Details (RFC 9457)' })).toBeChecked();
    await user.click(screen.getByRole('switch', { name: 'HAL' }));
    await waitFor(() => expect(settingsStore.saved.at(-1)?.profiles).toEqual(['problem', 'hal']));
    expect(settingsStore.saved.at(-1)?.capture.badgeMode).toBe(defaultSettings().capture.badgeMode);
  });

  it('a file that is not JSON: named, with the line and column where it goes wrong', async () => {
    setup();
    await upload('{\n  "version": 1,\n  "profiles": ["hal",]\n}\n', 'broken.json');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'broken.json is not valid JSON: line 3, column 21: a trailing comma before "]", which JSON does not allow: remove it',
    );
  });
});
