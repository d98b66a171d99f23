// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemoryProfileStore, MemorySettingsStore } from '../../../src/adapters/memory';
import type { UserProfiles } from '../../../src/core/profiles/user';
import { PROFILE_KEYS } from '../../../src/core/profiles/validate';
import { defaultSettings } from '../../../src/core/settings/schema';
import { parseSettings } from '../../../src/core/settings/parse';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  scope: { urls: ['http://127.0.0.1:4000/*'] },
  body: { error: { required: ['code'] } },
};

function setup(user?: UserProfiles, on: string[] = [], debounceMs = 5) {
  const settingsStore = new MemorySettingsStore({ ...defaultSettings(), profiles: on });
  const profileStore = new MemoryProfileStore(user);
  const downloads: { fileName: string; text: string }[] = [];
  const store = createOptionsStore({
    settings: settingsStore,
    profiles: profileStore,
    permissions: new MemoryPermissions(false, true),
    download: (fileName, text) => downloads.push({ fileName, text }),
    debounceMs,
  });
  render(
    <OptionsProvider value={store}>
      <App />
    </OptionsProvider>,
  );
  return { settingsStore, profileStore, downloads, store, user: userEvent.setup() };
}

const file = (content: string, name = 'acme.json') => new File([content], name, { type: 'application/json' });

describe('user profiles in the options page', () => {
  it('names whose standard or guide each profile links to, so the links tell apart out of context', async () => {
    setup({ profiles: [acme] }, ['acme']);
    await screen.findByRole('switch', { name: /Acme API/ });
    expect(await screen.findByRole('link', { name: 'Its guide of Acme API' })).toHaveAttribute(
      'href',
      acme.source,
    );
    expect(
      screen.getByRole('link', { name: 'The standard of Problem Details (RFC 9457)' }),
    ).toBeInTheDocument();
    const names = screen.getAllByRole('link').map((l) => l.textContent);
    expect(new Set(names).size).toBe(names.length);
  });

  it('saves an imported profile, switched on, at once: closing the tab right after keeps it on', async () => {
    // A debounce far longer than the test: only a save the import starts itself can pass.
    const { settingsStore, profileStore, store } = setup(undefined, [], 60_000);
    const input = (await screen.findByLabelText(/Import profile/)) as HTMLInputElement;
    await userEvent.upload(input, file(JSON.stringify(acme)));
    await screen.findByText(/Imported profile “Acme API”/);
    await waitFor(() => expect(settingsStore.saved.at(-1)?.profiles).toEqual(['acme']));
    expect(profileStore.current?.profiles.map((p) => p.id)).toEqual(['acme']);
    expect(store.getState().save.state).toBe('saved');
  });

  it(
    'imports a profile: listed beside the built-ins, on, stored in local storage, referred to from sync',
    { timeout: 30_000 },
    async () => {
      const { settingsStore, profileStore } = setup();
      const input = (await screen.findByLabelText(/Import profile/)) as HTMLInputElement;
      await userEvent.upload(input, file(JSON.stringify(acme)));
      expect(await screen.findByText(/Imported profile “Acme API” from acme.json/)).toHaveAttribute(
        'role',
        'status',
      );
      const sw = screen.getByRole('switch', { name: /Acme API/ });
      expect(sw).toBeChecked();
      expect(sw.closest('li')).toHaveTextContent('Applies to API calls to http://127.0.0.1:4000/*');
      await waitFor(() => expect(profileStore.current).toEqual({ profiles: [acme] }));
      // Sync keeps a reference only: the document is in local storage.
      await waitFor(() => expect(settingsStore.saved.at(-1)?.profiles).toEqual(['acme']));
      expect(settingsStore.saved.at(-1)!.userProfiles).toEqual([]);
      // The built-ins are still listed.
      expect(screen.getByRole('switch', { name: 'Problem Details (RFC 9457)' })).toBeInTheDocument();
    },
  );

  it(
    'imports a profile that adjusts a session rule, and says what it adjusts inside its scope',
    { timeout: 30_000 },
    async () => {
      // Refused before profiles could adjust session rules; it generates no rule of its own, so
      // the Rules list has nothing of it: the profile's entry says what it does.
      const me = {
        ...acme,
        id: 'me-endpoint',
        name: 'Me endpoint',
        body: undefined,
        rules: { 'session/duplicate-request': 'off' },
      };
      const { user } = setup();
      const input = (await screen.findByLabelText(/Import profile/)) as HTMLInputElement;
      await userEvent.upload(input, file(JSON.stringify(me), 'me.json'));
      expect(await screen.findByText(/Imported profile “Me endpoint”/)).toHaveTextContent(
        'Imported profile “Me endpoint” from me.json. It is on, and applies to API calls to http://127.0.0.1:4000/*. Inside that scope: session/duplicate-request off.',
      );
      const item = screen.getByRole('switch', { name: /Me endpoint/ }).closest('li')!;
      expect(item).toHaveTextContent('Inside its scope: session/duplicate-request off.');
      // And the rule says so in the Rules list, where its severity is set.
      const rule = () => document.querySelector('li[data-rule="session/duplicate-request"]')!;
      await waitFor(() => expect(rule()).toHaveTextContent('Inside the scope of Me endpoint: off'));
      expect(document.querySelector('li[data-rule="session/n-plus-one"]')).not.toHaveTextContent(
        'Inside the scope',
      );
      // The user's own setting for the rule wins over the profile's: said where the profile is.
      await user.selectOptions(
        screen.getByRole('combobox', { name: 'Severity of session/duplicate-request' }),
        'warning',
      );
      await waitFor(() =>
        expect(item).toHaveTextContent(
          'Inside its scope: session/duplicate-request off (your own setting for session/duplicate-request wins).',
        ),
      );
      expect(rule()).toHaveTextContent('Inside the scope of Me endpoint: off (your setting here wins)');
      // Switched off, the profile no longer says anything of the rule.
      await user.click(screen.getByRole('switch', { name: /Me endpoint/ }));
      await waitFor(() => expect(rule()).not.toHaveTextContent('Inside the scope'));
    },
  );

  it('refuses a bad profile with path-named errors and saves nothing', { timeout: 30_000 }, async () => {
    const { settingsStore, profileStore } = setup({ profiles: [acme] }, ['acme']);
    const input = (await screen.findByLabelText(/Import profile/)) as HTMLInputElement;
    const bad = { ...acme, id: 'beta', statuses: { all: [200, 700] }, checks: ['nope/check'] };
    await userEvent.upload(input, file(JSON.stringify(bad), 'beta.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The profile in beta.json was not imported; nothing was changed:');
    expect(alert).toHaveTextContent('$.statuses.all[1]: expected a status code from 100 to 599');
    expect(alert).toHaveTextContent('$.checks[0]: unknown check "nope/check"');
    await userEvent.upload(input, file('{ not json', 'broken.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The profile in broken.json was not imported; nothing was changed:$: not JSON: line 1, column 3: expected a member name in double quotes, found "n"',
    );
    const badScope = { ...acme, id: 'gamma', name: 7, scope: { urls: ['api.acme.example'] } };
    await userEvent.upload(input, file(JSON.stringify(badScope), 'gamma.json'));
    const third = await screen.findByRole('alert');
    expect(third).toHaveTextContent('The profile in gamma.json was not imported');
    expect(third).toHaveTextContent('$.name: expected a non-empty string, got 7');
    expect(third).toHaveTextContent('$.scope.urls[0]: "api.acme.example" is not a URL pattern');
    expect(profileStore.saved).toEqual([]);
    expect(settingsStore.saved).toEqual([]);
    // What was saved before still works.
    expect(screen.getByRole('switch', { name: /Acme API/ })).toBeChecked();
  });

  it('edits where a built-in applies, validating the patterns', async () => {
    const { settingsStore, user } = setup();
    const item = (await screen.findByRole('switch', { name: 'Problem Details (RFC 9457)' })).closest('li')!;
    expect(item).toHaveTextContent('Applies to API calls to any host');
    await user.click(within(item).getByRole('button', { name: /Change where Problem Details/ }));
    const box = within(item).getByRole('textbox');
    await user.type(box, 'api.example.com');
    await user.click(within(item).getByRole('button', { name: 'Save scope' }));
    expect(within(item).getByRole('alert')).toHaveTextContent('scope.urls[0]');
    await user.clear(box);
    await user.type(box, 'https://api.example.com/*');
    await user.click(within(item).getByRole('button', { name: 'Save scope' }));
    expect(item).toHaveTextContent('Applies to API calls to https://api.example.com/*');
    await waitFor(() =>
      expect(settingsStore.saved.at(-1)?.profileScopes).toEqual({
        problem: { urls: ['https://api.example.com/*'], apiCallsOnly: true },
      }),
    );
  });

  it('the scope editor takes the focus when opened and gives it back when closed', async () => {
    const { settingsStore, user } = setup();
    const item = (await screen.findByRole('switch', { name: 'Problem Details (RFC 9457)' })).closest('li')!;
    const change = within(item).getByRole('button', { name: /Change where Problem Details/ });
    await user.click(change);
    // The keyboard is where the user came to type, not left on the link.
    expect(within(item).getByRole('textbox')).toHaveFocus();
    await user.keyboard('https://api.example.com/*');
    await user.keyboard('{Escape}');
    // Escape closes it unsaved, and the focus is back on the button that opened it.
    expect(within(item).queryByRole('textbox')).toBeNull();
    expect(change).toHaveFocus();
    expect(item).toHaveTextContent('Applies to API calls to any host');
    expect(settingsStore.saved.some((s) => s.profileScopes?.problem)).toBe(false);
    await user.click(change);
    await user.click(within(item).getByRole('button', { name: 'Cancel' }));
    expect(change).toHaveFocus();
  });

  it('the graphql profile applies to GraphQL requests; narrowing it to a host keeps that', async () => {
    const { settingsStore, user } = setup();
    const item = (await screen.findByRole('switch', { name: 'GraphQL over HTTP' })).closest('li')!;
    expect(item).toHaveTextContent('Applies to GraphQL requests to any host');
    await user.click(within(item).getByRole('button', { name: /Change where GraphQL over HTTP/ }));
    await user.type(within(item).getByRole('textbox'), 'https://api.example.com/*');
    await user.click(within(item).getByRole('button', { name: 'Save scope' }));
    expect(item).toHaveTextContent('Applies to GraphQL requests to https://api.example.com/*');
    await waitFor(() =>
      expect(settingsStore.saved.at(-1)?.profileScopes).toEqual({
        graphql: { requests: 'graphql', urls: ['https://api.example.com/*'], apiCallsOnly: true },
      }),
    );
  });

  it('exports user profiles with the settings, in a file the CLI reads', async () => {
    const { downloads, user } = setup({ profiles: [acme] }, ['acme']);
    await user.click(await screen.findByRole('button', { name: 'Export settings' }));
    const exported = JSON.parse(downloads[0]!.text) as unknown;
    const parsed = parseSettings(exported);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.settings.userProfiles).toEqual([acme]);
    expect(parsed.settings.profiles).toEqual(['acme']);
  });

  it('removes a user profile once the user confirms, saying what goes', async () => {
    const { profileStore, user } = setup({ profiles: [acme] }, ['acme']);
    await user.click(await screen.findByRole('button', { name: 'Remove Acme API' }));
    const question = screen.getByRole('group', { name: 'Remove Acme API?' });
    expect(question).toHaveTextContent('deleted from this browser');
    await user.click(within(question).getByRole('button', { name: 'Yes, remove Acme API' }));
    expect(screen.queryByRole('switch', { name: /Acme API/ })).toBeNull();
    await waitFor(() => expect(profileStore.current).toEqual({ profiles: [] }));
  });

  it('keeps a user profile when the user cancels Remove, by button or Escape, with focus back on Remove', async () => {
    const { profileStore, settingsStore, user } = setup({ profiles: [acme] }, ['acme']);
    await user.click(await screen.findByRole('button', { name: 'Remove Acme API' }));
    // The question takes focus: a keyboard user answers it where they are.
    expect(screen.getByRole('button', { name: 'Yes, remove Acme API' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Remove Acme API' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Remove Acme API?' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Acme API' })).toHaveFocus();
    expect(screen.getByRole('switch', { name: /Acme API/ })).toBeChecked();
    expect(profileStore.current?.profiles).toEqual([acme]);
    expect(settingsStore.saved).toHaveLength(0);
  });
});

// A click, an upload and the whole page drawn: over the 5 s default on a busy two-core machine.
describe('an example profile to start from, inside the extension (review #13)', { timeout: 20_000 }, () => {
  it('offers a shipped example as a file, which imports back cleanly, switched on', async () => {
    const { downloads, profileStore, user } = setup();
    const section = (await screen.findByRole('heading', { name: 'Convention profiles' })).closest('section')!;
    // No pointer to a docs folder an installed extension does not have; every member named here.
    expect(section).not.toHaveTextContent('docs/profiles.md');
    for (const member of PROFILE_KEYS.filter((k) => k !== '$schema'))
      expect(within(section).getAllByText(member, { selector: 'code' }).length).toBeGreaterThan(0);

    await user.click(within(section).getByRole('button', { name: 'Download an example profile' }));
    expect(downloads.map((d) => d.fileName)).toEqual(['hal-problem.json']);
    const shipped = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../examples/profiles/hal-problem.json'), 'utf8'),
    ) as Record<string, unknown>;
    const { $schema: _schema, ...members } = shipped;
    // The shipped example, whole; only its repository-relative $schema path is left out.
    expect(JSON.parse(downloads[0]!.text)).toEqual(members);

    // Imported back as a user would: accepted, stored and switched on.
    const input = (await screen.findByLabelText(/Import profile/)) as HTMLInputElement;
    await userEvent.upload(input, file(downloads[0]!.text, 'hal-problem.json'));
    await screen.findByText(/Imported profile “HAL successes, Problem Details errors”/);
    expect(screen.getByRole('switch', { name: /HAL successes, Problem Details errors/ })).toBeChecked();
    await waitFor(() => expect(profileStore.current.profiles.map((p) => p.id)).toEqual(['hal-problem']));
  });
});
