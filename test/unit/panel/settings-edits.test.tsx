// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { App } from '../../../src/surfaces/panel/App';
import { setupPanel } from '../../helpers/panel';

/** What another page (the options page) saved that this panel has not heard of yet. */
function savedElsewhere(): Settings {
  const s = defaultSettings();
  s.redaction.headers = ['x-team-secret'];
  s.capture.preserveLog = true;
  return s;
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

function switchOn(name: string) {
  fireEvent.click(screen.getByRole('button', { name: /^Profiles/ }));
  const dialog = screen.getByRole('dialog', { name: 'Profiles' });
  fireEvent.click(within(dialog).getByRole('switch', { name }));
}

describe('settings changed from the panel', () => {
  it('are applied over what is stored, not over the panel’s older copy', async () => {
    const { renderIn, settingsStore, stop } = setupPanel();
    renderIn(<App />);
    // Stored by another page; the panel's change event has not come yet.
    settingsStore.current = savedElsewhere();
    switchOn('HAL');
    await waitFor(() => expect(settingsStore.current.profiles).toEqual(['hal']));
    expect(settingsStore.current.redaction.headers).toEqual(['x-team-secret']);
    expect(settingsStore.current.capture.preserveLog).toBe(true);
    stop();
  });

  it('wait for a slow read of the stored settings, and two quick changes both land', async () => {
    const { renderIn, settingsStore, stop } = setupPanel();
    renderIn(<App />);
    settingsStore.current = savedElsewhere();
    const release = settingsStore.holdLoads();
    switchOn('HAL');
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Profiles' })).getByRole('switch', { name: 'JSON:API 1.1' }),
    );
    await tick();
    expect(settingsStore.saved).toEqual([]);
    release();
    await waitFor(() => expect([...settingsStore.current.profiles].sort()).toEqual(['hal', 'jsonapi']));
    expect(settingsStore.current.redaction.headers).toEqual(['x-team-secret']);
    stop();
  });

  it('"API only" clicked in the panel is not undone by settings arriving later', async () => {
    const { renderIn, settingsStore, stop } = setupPanel();
    renderIn(<App />);
    const box = () => screen.getByRole('checkbox', { name: 'API only' });
    expect(box()).toBeChecked();
    fireEvent.click(box());
    expect(box()).not.toBeChecked();
    // The options page changes the stored default, twice.
    for (const apiOnly of [false, true]) {
      await act(async () => {
        const s = defaultSettings();
        s.capture.apiOnly = apiOnly;
        await settingsStore.save(s);
      });
    }
    expect(box()).not.toBeChecked();
    stop();
  });
});
