// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MemoryPermissions,
  MemoryProfileStore,
  MemorySettingsStore,
  MemoryStorageArea,
} from '../../../src/adapters/memory';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import { BUILTIN_RULES } from '../../../src/core/profiles/registry';
import { optionsOf } from '../../../src/core/settings/rule-options';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

function renderPage(settings: ConstructorParameters<typeof MemorySettingsStore>[0] | undefined) {
  const settingsStore = new MemorySettingsStore(settings ?? defaultSettings());
  const store = createOptionsStore({
    settings: settingsStore,
    permissions: new MemoryPermissions(false, true),
    download: () => undefined,
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <App />
    </OptionsProvider>,
  );
  return { settingsStore, store, user: userEvent.setup() };
}

const lastSaved = (s: MemorySettingsStore) => s.saved.at(-1);
const field = (name: string, rule: string) => screen.findByRole('textbox', { name: `${name} of ${rule}` });

// Each test renders the page's ~150 rules: slow on a shared machine.
describe('rule options on the options page (#18)', { timeout: 30_000 }, () => {
  it('shows every declared threshold beside its rule, with its default and bounds; none elsewhere', async () => {
    renderPage(undefined);
    await screen.findByRole('heading', { name: 'Rules' });
    const tunable = BUILTIN_RULES.filter((r) => optionsOf(r).length > 0);
    expect(tunable.length).toBeGreaterThanOrEqual(5);
    for (const rule of tunable) {
      const item = document.querySelector(`[data-rule="${rule.id}"]`) as HTMLElement;
      for (const spec of optionsOf(rule)) {
        const input = within(item).getByRole('textbox', { name: `${spec.name} of ${rule.id}` });
        expect(input).toHaveValue('');
        expect(input).toHaveAttribute('placeholder', String(spec.default));
        expect(item).toHaveTextContent(spec.description);
      }
    }
    const item = document.querySelector('[data-rule="session/n-plus-one"]') as HTMLElement;
    expect(item).toHaveTextContent('default 5; 2 to 1,000');
    expect(item).toHaveTextContent('default 2,000; 0 to 600,000');
    // A boundary another rule owns is set there, and said so beside this rule's own fields.
    const polling = document.querySelector('[data-rule="session/polling-without-validators"]') as HTMLElement;
    expect(within(polling).queryByRole('textbox', { name: /windowMs|minIntervalMs/ })).toBeNull();
    expect(polling).toHaveTextContent('Also reads windowMs of session/duplicate-request, set there');
    // A rule without thresholds has no fields.
    const plain = document.querySelector('[data-rule="http/unauthorized-challenge"]') as HTMLElement;
    expect(within(plain).queryByRole('group', { name: /Options of/ })).toBeNull();
    expect(within(plain).queryByRole('textbox')).toBeNull();
  });

  it('saves a threshold, and an emptied field goes back to the default', async () => {
    const { settingsStore, user } = renderPage(undefined);
    const input = await field('windowMs', 'session/duplicate-request');
    await user.type(input, '250');
    await user.tab();
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.ruleOptions).toEqual({
        'session/duplicate-request': { windowMs: 250 },
      }),
    );
    await user.clear(input);
    await user.tab();
    await waitFor(() => expect(lastSaved(settingsStore)?.ruleOptions).toEqual({}));
    expect(input).toHaveAttribute('placeholder', '1000');
  });

  it('refuses bad input with a message naming the field, and keeps the saved value', async () => {
    const start = defaultSettings();
    start.ruleOptions = { 'session/n-plus-one': { minCalls: 7 } };
    const { settingsStore, store, user } = renderPage(start);
    const input = await field('minCalls', 'session/n-plus-one');
    expect(input).toHaveValue('7');
    // Whole values at once (a paste), so no valid prefix is saved on the way.
    const item = input.closest('.rule-option') as HTMLElement;
    for (const bad of ['abc', '1', '2.5', '1e3', '99999999', '-3']) {
      fireEvent.change(input, { target: { value: bad } });
      // Said while typing, quietly; said aloud once the user leaves the field.
      expect(item).toHaveTextContent('session/n-plus-one minCalls: expected a whole number from 2 to 1000');
      expect(within(item).queryByRole('alert')).toBeNull();
      expect(input).toHaveAttribute('aria-invalid', 'true');
      fireEvent.blur(input);
      const alert = within(item).getByRole('alert');
      expect(alert).toHaveTextContent('session/n-plus-one minCalls: expected a whole number from 2 to 1000');
      expect(alert).toHaveTextContent('Not saved: 7 stays in force.');
      // Leaving the field keeps the text to fix.
      expect(input).toHaveValue(bad);
    }
    await store.getState().flush();
    expect(settingsStore.saved).toEqual([]);
    // Fixed: saved, message gone.
    await user.clear(input);
    await user.type(input, '3{Enter}');
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } }),
    );
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves what the user typed when they are done, never a value on the way (review #1)', async () => {
    const { settingsStore, store, user } = renderPage(undefined);
    const input = await field('windowMs', 'session/duplicate-request');
    const item = input.closest('.rule-option') as HTMLElement;
    // One key at a time, as a user types: "70000" is in range on the way to "700000".
    await user.type(input, '700000');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(item).toHaveTextContent('expected a whole number from 0 to 600000, got 700000.');
    await user.tab();
    expect(within(item).getByRole('alert')).toHaveTextContent(
      'got 700000. Not saved: its default, 1,000 stays in force.',
    );
    await store.getState().flush();
    expect(settingsStore.saved).toEqual([]);
    expect(store.getState().settings.ruleOptions).toBeUndefined();

    // "1" parses on the way to "1.5".
    await user.clear(input);
    await user.type(input, '1.5');
    await user.tab();
    expect(within(item).getByRole('alert')).toHaveTextContent(
      'Not saved: its default, 1,000 stays in force.',
    );
    await store.getState().flush();
    expect(settingsStore.saved).toEqual([]);

    // Enter saves a good value, once: not 2, 25 and 250 on the way.
    await user.clear(input);
    await user.type(input, '2500{Enter}');
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.ruleOptions).toEqual({
        'session/duplicate-request': { windowMs: 2500 },
      }),
    );
    expect(settingsStore.saved).toHaveLength(1);
    expect(within(item).queryByRole('alert')).toBeNull();

    // The value in force is the one from before this edit began; Esc gives the draft up.
    await user.clear(input);
    await user.type(input, '1.5');
    await user.tab();
    expect(within(item).getByRole('alert')).toHaveTextContent('Not saved: 2,500 stays in force.');
    await user.click(input);
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('2500');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await store.getState().flush();
    expect(settingsStore.saved).toHaveLength(1);
  });

  it('resets one rule’s options to their defaults, leaving the others', async () => {
    const start = defaultSettings();
    start.ruleOptions = {
      'session/n-plus-one': { minCalls: 7, windowMs: 100 },
      'session/unsafe-retry': { windowMs: 5000 },
    };
    const { settingsStore, user } = renderPage(start);
    const reset = await screen.findByRole('button', {
      name: 'Reset options of session/n-plus-one to defaults',
    });
    expect(
      screen.getByRole('button', { name: 'Reset options of session/auth-loop to defaults' }),
    ).toBeDisabled();
    await user.click(reset);
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.ruleOptions).toEqual({ 'session/unsafe-retry': { windowMs: 5000 } }),
    );
    expect(await field('minCalls', 'session/n-plus-one')).toHaveValue('');
    expect(await field('windowMs', 'session/unsafe-retry')).toHaveValue('5000');
    expect(reset).toBeDisabled();
  });

  it('shows the thresholds of an imported settings file, and the page-wide reset clears them', async () => {
    const { settingsStore, user } = renderPage(undefined);
    const upload = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    const file = { version: 1, ruleOptions: { 'session/retry-too-soon': { toleranceMs: 2000 } } };
    await userEvent.upload(upload, new File([JSON.stringify(file)], 'team.json'));
    await waitFor(() => expect(lastSaved(settingsStore)?.ruleOptions).toEqual(file.ruleOptions));
    expect(await field('toleranceMs', 'session/retry-too-soon')).toHaveValue('2000');
    await user.click(screen.getAllByRole('button', { name: 'Reset to defaults' })[0]!);
    await waitFor(() => expect(lastSaved(settingsStore)?.ruleOptions).toBeUndefined());
    expect(await field('toleranceMs', 'session/retry-too-soon')).toHaveValue('');
  });
});

describe('saving from the page keeps imported rule options (#18)', { timeout: 30_000 }, () => {
  /** The extension's own storage stack: sync/local settings and the user's profiles apart. */
  function chromeLike() {
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    const profiles = new MemoryProfileStore();
    const open = () =>
      createOptionsStore({
        settings: settingsStoreOver(sync, local),
        profiles,
        permissions: new MemoryPermissions(false, true),
        download: () => undefined,
        debounceMs: 5,
      });
    return { open, stored: () => sync.items.get('settings') as Settings | undefined };
  }

  it('an imported file’s thresholds survive edits of severities, other thresholds and capture settings, and a reload', async () => {
    const { open, stored } = chromeLike();
    const store = open();
    render(
      <OptionsProvider value={store}>
        <App />
      </OptionsProvider>,
    );
    const user = userEvent.setup();
    const upload = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    const imported = {
      'session/duplicate-request': { windowMs: 500 },
      'session/n-plus-one': { minCalls: 3, windowMs: 4000 },
    };
    await userEvent.upload(
      upload,
      new File([JSON.stringify({ version: 1, ruleOptions: imported })], 'team.json'),
    );
    await waitFor(() => expect(stored()?.ruleOptions).toEqual(imported));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity of http/date' }), 'warning');
    await user.type(await field('minRetries', 'session/retry-without-backoff'), '4');
    await user.clear(await field('minCalls', 'session/n-plus-one'));
    await user.type(await field('minCalls', 'session/n-plus-one'), '6');
    await user.tab();
    await store.getState().flush();
    await waitFor(() =>
      expect(stored()?.ruleOptions).toEqual({
        'session/duplicate-request': { windowMs: 500 },
        'session/n-plus-one': { minCalls: 6, windowMs: 4000 },
        'session/retry-without-backoff': { minRetries: 4 },
      }),
    );
    expect(stored()?.rules).toEqual({ 'http/date': 'warning' });
    cleanup();

    // Another page (a reload) reads the same.
    const again = open();
    again.getState().start();
    await waitFor(() => expect(again.getState().phase).toBe('ready'));
    expect(again.getState().settings.ruleOptions).toEqual(stored()?.ruleOptions);
  });

  it('a stored threshold this version refuses costs that threshold only, not the other settings', async () => {
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    // As another version might have stored them: a bound since narrowed, a rule since renamed.
    await sync.set({
      settings: {
        version: 1,
        rules: { 'http/date': 'error' },
        capture: { retentionCap: 5000 },
        ruleOptions: {
          'session/n-plus-one': { minCalls: 1, windowMs: 3000 },
          'session/renamed-rule': { windowMs: 10 },
          'session/duplicate-request': { windowMs: 250 },
        },
      },
    });
    const loaded = await settingsStoreOver(sync, local).load();
    expect(loaded.rules).toEqual({ 'http/date': 'error' });
    expect(loaded.capture.retentionCap).toBe(5000);
    expect(loaded.ruleOptions).toEqual({
      'session/n-plus-one': { windowMs: 3000 },
      'session/duplicate-request': { windowMs: 250 },
    });
  });
});
