// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemorySettingsStore } from '../../../src/adapters/memory';
import { BUILTIN_RULES } from '../../../src/core/profiles/registry';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { parseSettings } from '../../../src/core/settings/parse';
import { createOptionsStore } from '../../../src/state/options-store';
import { SETTINGS_FILE_NAME } from '../../../src/state/settings-file';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

function setup(
  opts: { settings?: Settings; granted?: boolean; userAccepts?: boolean; debounceMs?: number } = {},
) {
  const settingsStore = new MemorySettingsStore(opts.settings ?? defaultSettings());
  const permissions = new MemoryPermissions(opts.granted ?? false, opts.userAccepts ?? true);
  const downloads: { fileName: string; text: string }[] = [];
  const store = createOptionsStore({
    settings: settingsStore,
    permissions,
    download: (fileName, text) => downloads.push({ fileName, text }),
    debounceMs: opts.debounceMs ?? 5,
  });
  render(
    <OptionsProvider value={store}>
      <App />
    </OptionsProvider>,
  );
  return { settingsStore, permissions, downloads, store, user: userEvent.setup() };
}

const lastSaved = (s: MemorySettingsStore) => s.saved.at(-1);

function jsonFile(content: string, name = 'team.json') {
  return new File([content], name, { type: 'application/json' });
}

// user-event types one key at a time through React and jsdom: several seconds on a busy
// two-core machine, over the 5 s default, and a timed-out test's typing lands in the next one.
describe('the options page', { timeout: 20_000 }, () => {
  it('shows each profile as a switch with its summary and a link to its standard', async () => {
    setup();
    const sw = await screen.findByRole('switch', { name: 'Problem Details (RFC 9457)' });
    expect(sw).not.toBeChecked();
    const item = sw.closest('li')!;
    expect(item).toHaveTextContent('application/problem+json');
    expect(
      within(item).getByRole('link', { name: 'The standard of Problem Details (RFC 9457)' }),
    ).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc9457');
    expect(screen.getByRole('switch', { name: 'HAL' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'JSON envelope' })).toBeInTheDocument();
  });

  it('saves a profile switch', async () => {
    const { settingsStore, user } = setup();
    await user.click(await screen.findByRole('switch', { name: 'Problem Details (RFC 9457)' }));
    await waitFor(() => expect(lastSaved(settingsStore)?.profiles).toEqual(['problem']));
    expect(screen.getByRole('switch', { name: 'Problem Details (RFC 9457)' })).toBeChecked();
    await user.click(screen.getByRole('switch', { name: 'Problem Details (RFC 9457)' }));
    await waitFor(() => expect(lastSaved(settingsStore)?.profiles).toEqual([]));
  });

  it('lists every rule, grouped by prefix, with description, default severity, marker and a control', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Rules' });
    // Every rule that ships, those the built-ins' data generates (graphql/media-type) included.
    for (const rule of BUILTIN_RULES)
      expect(screen.getByRole('combobox', { name: `Severity of ${rule.id}` })).toBeInTheDocument();
    const groups = [...document.querySelectorAll<HTMLElement>('.rule-group')].map((g) => g.dataset.group);
    expect(groups).toEqual([
      'http',
      'body',
      'security',
      'problem',
      'hal',
      'envelope',
      'contract',
      'graphql',
      'jsonapi',
      'session',
    ]);
    const graphqlGroup = document.querySelector('[data-group="graphql"]') as HTMLElement;
    expect(
      within(graphqlGroup).getByRole('combobox', { name: 'Severity of graphql/media-type' }),
    ).toBeInTheDocument();
    expect(document.querySelector('[data-rule="jsonapi/media-type"]')).toHaveTextContent(
      'jsonapi profile (off)',
    );
    const item = document.querySelector('[data-rule="http/unauthorized-challenge"]') as HTMLElement;
    expect(item).toHaveTextContent('A 401 Unauthorized must carry a WWW-Authenticate challenge');
    expect(item).toHaveTextContent('error');
    expect(within(item).getByRole('combobox')).toHaveValue('default');
    expect(document.querySelector('[data-rule="http/date"]')).toHaveTextContent('opt-in');
    expect(document.querySelector('[data-rule="problem/shape"]')).toHaveTextContent('problem profile (off)');
  });

  it('saves a rule severity and goes back to the default', async () => {
    const { settingsStore, user } = setup();
    const select = await screen.findByRole('combobox', { name: 'Severity of http/unauthorized-challenge' });
    await user.selectOptions(select, 'off');
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.rules).toEqual({ 'http/unauthorized-challenge': 'off' }),
    );
    await user.selectOptions(select, 'default');
    await waitFor(() => expect(lastSaved(settingsStore)?.rules).toEqual({}));
  });

  it('filters rules by id and description', async () => {
    const { user } = setup();
    const search = await screen.findByRole('searchbox', { name: 'Search rules' });
    await user.type(search, 'www-authenticate');
    expect(
      screen.getByRole('combobox', { name: 'Severity of http/unauthorized-challenge' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Severity of http/created-location' })).toBeNull();
    await user.clear(search);
    await user.type(search, 'hal/');
    const shown = screen.getAllByRole('combobox').map((c) => c.getAttribute('aria-label'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((l) => l!.startsWith('Severity of hal/'))).toBe(true);
    await user.clear(search);
    await user.type(search, 'zzzz nothing');
    expect(screen.getByText(/No rule matches/)).toBeInTheDocument();
  });

  it('resets to defaults, keeping monitoring as it is', async () => {
    const start = defaultSettings();
    start.profiles = ['hal'];
    start.rules = { 'http/date': 'error' };
    start.capture.retentionCap = 5;
    start.capture.monitoring = true;
    const { settingsStore, user } = setup({ settings: start, granted: true });
    await user.click(await screen.findByRole('button', { name: 'Reset to defaults' }));
    const expected = defaultSettings();
    expected.capture.monitoring = true;
    await waitFor(() => expect(lastSaved(settingsStore)).toEqual(expected));
    expect(screen.getByRole('switch', { name: 'HAL' })).not.toBeChecked();
    expect(screen.getByLabelText('Requests kept in the panel')).toHaveValue(20000);
  });

  it('saves capture settings, debouncing typed numbers', async () => {
    // A debounce far longer than typing "2.5" takes, so the three keystrokes make one save.
    const { settingsStore, user } = setup({ debounceMs: 300 });
    const cap = await screen.findByLabelText('Body size cap (MiB)');
    expect(cap).toHaveValue(5);
    await user.clear(cap);
    await user.type(cap, '2.5');
    await user.tab();
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.bodySizeCap).toBe(2.5 * 1024 * 1024));
    expect(settingsStore.saved).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: '5xx responses' }));
    await user.click(screen.getByRole('checkbox', { name: /Preserve log/ }));
    await user.click(screen.getByRole('checkbox', { name: /API requests only/ }));
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.capture).toMatchObject({
        badgeMode: '5xx',
        preserveLog: true,
        apiOnly: false,
      }),
    );
    await user.clear(screen.getByLabelText('Requests kept in the panel'));
    await user.type(screen.getByLabelText('Requests kept in the panel'), '-3');
    expect(screen.getByText('Enter a number from 0 to 10,000,000.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Body size cap (MiB)'));
    await user.type(screen.getByLabelText('Body size cap (MiB)'), '5000');
    expect(screen.getByText('Enter a number from 0 to 1,024.')).toBeInTheDocument();
    // Some thirty keystrokes and five fields left: over the describe's budget on a busy machine.
  }, 40_000);

  it('saves capture numbers and redaction lists when the user is done, never on the way (review #1)', async () => {
    const { settingsStore, store, user } = setup();
    const kept = await screen.findByLabelText('Requests kept in the panel');
    // "1234567" is a fine cap on the way to a number over the maximum.
    await user.clear(kept);
    await user.type(kept, '123456789');
    expect(kept).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Enter a number from 0 to 10,000,000. Not saved: 20,000 stays in force.',
    );
    await store.getState().flush();
    expect(settingsStore.saved).toEqual([]);
    await user.clear(kept);
    await user.type(kept, '300{Enter}');
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.retentionCap).toBe(300));
    expect(settingsStore.saved).toHaveLength(1);

    // The body size cap: "1" is saved on the way to "1.5" no more.
    const cap = screen.getByLabelText('Body size cap (MiB)');
    await user.clear(cap);
    await user.type(cap, '1.5');
    await store.getState().flush();
    expect(settingsStore.saved).toHaveLength(1);
    await user.tab();
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.bodySizeCap).toBe(1.5 * 1024 * 1024));
    expect(settingsStore.saved).toHaveLength(2);

    // A name is saved whole, once the list is left: never "x", "x-", "x-a"…
    const headers = screen.getByLabelText('Header names');
    await user.type(headers, '{enter}x-api-key');
    await store.getState().flush();
    expect(settingsStore.saved).toHaveLength(2);
    await user.tab();
    await waitFor(() => expect(lastSaved(settingsStore)?.redaction.headers).toContain('x-api-key'));
    expect(settingsStore.saved).toHaveLength(3);

    // Closing the page while a field is still being edited saves what it holds, if it can.
    await user.type(screen.getByLabelText('Query and form field names'), '{enter}tenant_key');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await store.getState().flush();
    expect(lastSaved(settingsStore)?.redaction.queryParams).toContain('tenant_key');
  });

  it('edits the redaction lists', async () => {
    const { settingsStore, user } = setup();
    const headers = await screen.findByLabelText('Header names');
    expect((headers as HTMLTextAreaElement).value.split('\n')).toContain('authorization');
    await user.clear(headers);
    await user.type(headers, 'X-Secret{enter}authorization{enter}');
    await user.tab();
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.redaction.headers).toEqual(['x-secret', 'authorization']),
    );
    const query = screen.getByLabelText('Query and form field names');
    await user.clear(query);
    await user.type(query, 'token, sid');
    await user.tab();
    await waitFor(() => expect(lastSaved(settingsStore)?.redaction.queryParams).toEqual(['token', 'sid']));
    // Body members are the user's too now, not only headers and query names (#13 item 10).
    const members = screen.getByLabelText('Body member names (JSON, XML, text)');
    expect((members as HTMLTextAreaElement).value).toBe('');
    await user.type(members, 'pinCode{enter}Recovery_Phrase');
    await user.tab();
    await waitFor(() =>
      expect(lastSaved(settingsStore)?.redaction.bodyMembers).toEqual(['pincode', 'recovery_phrase']),
    );
  });

  it('exports every setting in the format parseSettings reads', async () => {
    const start = defaultSettings();
    start.profiles = ['problem'];
    start.rules = { 'http/unauthorized-challenge': 'off' };
    const { downloads, user } = setup({ settings: start });
    await user.click(await screen.findByRole('button', { name: 'Export settings' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toBe(SETTINGS_FILE_NAME);
    const parsed = parseSettings(JSON.parse(downloads[0]!.text), RULE_IDS);
    expect(parsed).toEqual({ ok: true, settings: start });
  });

  it('imports a valid settings file and saves it', async () => {
    const { settingsStore } = setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    const file = {
      version: 1,
      profiles: ['envelope'],
      rules: { 'body/empty-error': 'error' },
      capture: { badgeMode: '5xx' },
    };
    await userEvent.upload(input, jsonFile(JSON.stringify(file)));
    expect(await screen.findByText(/Imported settings from team.json/)).toBeInTheDocument();
    await waitFor(() => expect(lastSaved(settingsStore)?.profiles).toEqual(['envelope']));
    expect(lastSaved(settingsStore)?.rules).toEqual({ 'body/empty-error': 'error' });
    expect(lastSaved(settingsStore)?.capture.badgeMode).toBe('5xx');
    expect(screen.getByRole('switch', { name: 'JSON envelope' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Severity of body/empty-error' })).toHaveValue('error');
  });

  it('warns when an imported file stops redacting secrets, and can keep them hidden', async () => {
    const { settingsStore, user } = setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    const file = { version: 1, redaction: { headers: ['authorization'], queryParams: [] } };
    await userEvent.upload(input, jsonFile(JSON.stringify(file)));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/no longer hide these headers: .*cookie.*set-cookie/);
    expect(alert).toHaveTextContent(/no longer hide these query parameters: token/);
    expect(alert).not.toHaveTextContent(/headers: authorization/);
    await waitFor(() => expect(lastSaved(settingsStore)?.redaction.queryParams).toEqual([]));

    await user.click(within(alert).getByRole('button', { name: 'Keep hiding them' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText(/Redaction kept as it was./)).toHaveAttribute('role', 'status');
    await waitFor(() =>
      expect(new Set(lastSaved(settingsStore)?.redaction.headers)).toEqual(
        new Set(defaultSettings().redaction.headers),
      ),
    );
    expect(new Set(lastSaved(settingsStore)?.redaction.queryParams)).toEqual(
      new Set(defaultSettings().redaction.queryParams),
    );
  });

  it('imports a file that keeps redaction as it is without a warning', async () => {
    setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    await userEvent.upload(input, jsonFile(JSON.stringify({ version: 1, profiles: ['hal'] })));
    expect(await screen.findByText(/Imported settings from team.json/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows clear errors for a file that is not valid settings, and saves nothing', async () => {
    const { settingsStore } = setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    await userEvent.upload(
      input,
      jsonFile(JSON.stringify({ profiles: ['soap'], rules: { 'http/nope': 'error' }, colour: 'red' })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('unknown setting "colour"');
    expect(alert).toHaveTextContent('profiles[0]: unknown profile "soap"');
    expect(alert).toHaveTextContent('rules["http/nope"]: unknown rule');
    expect(settingsStore.saved).toHaveLength(0);
  });

  it('says when an imported file is not JSON at all, and survives junk', async () => {
    const { settingsStore } = setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    await userEvent.upload(input, jsonFile('{"profiles": [', 'broken.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'broken.json is not valid JSON: line 1, column 15: expected a value, found the end',
    );
    for (const junk of [
      'null',
      '[]',
      '"x"',
      '{"__proto__": {"polluted": true}}',
      '{"rules": {"__proto__": "error"}}',
    ]) {
      await userEvent.upload(input, jsonFile(junk, 'junk.json'));
      expect(await screen.findByRole('alert')).toBeInTheDocument();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(settingsStore.saved).toHaveLength(0);
  });

  it('follows settings saved by another page', async () => {
    const { settingsStore } = setup();
    await screen.findByRole('switch', { name: 'HAL' });
    const next = defaultSettings();
    next.profiles = ['hal'];
    await act(() => settingsStore.save(next));
    expect(screen.getByRole('switch', { name: 'HAL' })).toBeChecked();
  });
});

describe('monitoring without DevTools', () => {
  it('is off by default', async () => {
    setup();
    expect(await screen.findByRole('switch', { name: 'Monitoring without DevTools' })).not.toBeChecked();
  });

  it('asks for the permission when switched on and saves once granted', async () => {
    const { permissions, settingsStore, user } = setup();
    await user.click(await screen.findByRole('switch', { name: 'Monitoring without DevTools' }));
    expect(permissions.requests).toBe(1);
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.monitoring).toBe(true));
    expect(screen.getByRole('switch', { name: 'Monitoring without DevTools' })).toBeChecked();
  });

  it('asks synchronously inside the click, while the user gesture lasts', async () => {
    const { permissions, store } = setup();
    await screen.findByRole('switch', { name: 'Monitoring without DevTools' });
    store.getState().setMonitoring(true);
    // No await between the click handler and the request.
    expect(permissions.requests).toBe(1);
  });

  it('reverts the switch and says why when the permission is denied', async () => {
    const { permissions, settingsStore, user } = setup({ userAccepts: false });
    const sw = await screen.findByRole('switch', { name: 'Monitoring without DevTools' });
    await user.click(sw);
    expect(permissions.requests).toBe(1);
    expect(await screen.findByText(/did not grant access/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Monitoring without DevTools' })).not.toBeChecked();
    expect(settingsStore.saved.every((s) => !s.capture.monitoring)).toBe(true);
  });

  it('shows the switch busy while Chrome’s prompt is open', async () => {
    const { permissions, user } = setup();
    let answer: (granted: boolean) => void = () => {};
    permissions.requestMonitoring = () => new Promise<boolean>((r) => (answer = r));
    const sw = await screen.findByRole('switch', { name: 'Monitoring without DevTools' });
    await user.click(sw);
    expect(sw).toBeChecked();
    expect(sw).toBeDisabled();
    expect(screen.getByText(/Waiting for your answer/)).toBeInTheDocument();
    await act(async () => answer(false));
    expect(sw).not.toBeChecked();
    expect(sw).toBeEnabled();
  });

  it('removes the permission when switched off', async () => {
    const start = defaultSettings();
    start.capture.monitoring = true;
    const { permissions, settingsStore, user } = setup({ settings: start, granted: true });
    const sw = await screen.findByRole('switch', { name: 'Monitoring without DevTools' });
    expect(sw).toBeChecked();
    await user.click(sw);
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.monitoring).toBe(false));
    expect(permissions.removals).toBe(1);
    expect(permissions.granted).toBe(false);
  });

  it('turns off when the access is withdrawn elsewhere', async () => {
    const start = defaultSettings();
    start.capture.monitoring = true;
    const { permissions, settingsStore } = setup({ settings: start, granted: true });
    const sw = await screen.findByRole('switch', { name: 'Monitoring without DevTools' });
    act(() => permissions.setGranted(false));
    expect(sw).not.toBeChecked();
    expect(screen.getByText(/was withdrawn/)).toBeInTheDocument();
    await waitFor(() => expect(lastSaved(settingsStore)?.capture.monitoring).toBe(false));
  });

  it('keeps the monitoring switch out of imports', async () => {
    const { settingsStore } = setup();
    const input = (await screen.findByLabelText(/Import settings/)) as HTMLInputElement;
    await userEvent.upload(input, jsonFile(JSON.stringify({ capture: { monitoring: true } })));
    expect(await screen.findByText(/Monitoring without DevTools was left as it is/)).toBeInTheDocument();
    await waitFor(() => expect(settingsStore.saved.length).toBeGreaterThan(0));
    expect(lastSaved(settingsStore)?.capture.monitoring).toBe(false);
  });

  it('is not fooled by a synced setting this browser holds no access for', async () => {
    const start = defaultSettings();
    start.capture.monitoring = true;
    setup({ settings: start, granted: false });
    expect(await screen.findByText(/has not granted access/)).toBeInTheDocument();
  });
});

describe('debounced saving', () => {
  it('saves the last of several quick edits, once', async () => {
    const { settingsStore, user } = setup({ debounceMs: 300 });
    const select = await screen.findByRole('combobox', { name: 'Severity of http/date' });
    await user.selectOptions(select, 'warning');
    fireEvent.change(select, { target: { value: 'error' } });
    await waitFor(() => expect(lastSaved(settingsStore)?.rules).toEqual({ 'http/date': 'error' }));
    expect(settingsStore.saved).toHaveLength(1);
  });
});
