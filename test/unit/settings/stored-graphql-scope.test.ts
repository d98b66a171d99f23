import { describe, expect, it } from 'vitest';
import { MemoryStorageArea } from '../../../src/adapters/memory';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { describeScope } from '../../../src/core/profiles/scope';
import { BUILTIN_RULE_IDS } from '../../../src/core/profiles/registry';
import { defaultSettings } from '../../../src/core/settings/schema';
import { readStoredSettings } from '../../../src/core/settings/stored';
import { readSettingsFile } from '../../../src/state/settings-file';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/**
 * Settings stored before the built-in graphql profile's scope became `requests: "graphql"`: "On
 * for this host only" (or the options page) stored a scope of URLs alone for it, which replaces
 * the profile's scope whole and would judge every API call to that host as GraphQL.
 */
const HOST = 'https://api.example.com/*';
const before = {
  version: 1,
  profiles: ['graphql', 'problem', 'acme'],
  profileScopes: {
    graphql: { urls: [HOST], apiCallsOnly: true },
    problem: { urls: [HOST] },
    // A user profile (its document is in local storage): left as its author wrote it.
    acme: { urls: ['https://acme.example/*'] },
  },
  rules: { 'http/date': 'off' },
  redaction: { headers: ['x-team-secret'] },
};
const opts = { profilesStoredApart: true };
const read = (stored: unknown) => readStoredSettings(stored, BUILTIN_RULE_IDS, opts);

const JSON_TYPE = { 'Content-Type': 'application/json' };
/** A REST call to the host the graphql profile was narrowed to. */
const restCall: ExchangeSpec = {
  method: 'POST',
  url: 'https://api.example.com/v1/orders',
  resourceType: 'fetch',
  status: 422,
  headers: JSON_TYPE,
  postData: { mimeType: 'application/json', text: '{"sku":"A1"}' },
  body: { error: 'out of stock' },
};
/** A GraphQL request to that host. */
const graphqlCall: ExchangeSpec = {
  method: 'POST',
  url: 'https://api.example.com/graphql',
  resourceType: 'fetch',
  headers: JSON_TYPE,
  postData: { mimeType: 'application/json', text: JSON.stringify({ query: '{ viewer { login } }' }) },
  body: { errors: [{ message: 'must be authenticated', path: 'viewer' }] },
};

describe('a graphql scope stored before scopes had `requests`', () => {
  it('is read as GraphQL requests on its URLs, its switches kept, and nothing else in the settings changes', () => {
    const r = read(before);
    expect(r.errors).toEqual([]);
    expect(r.kept).toEqual([]);
    expect(r.settings.profileScopes.graphql).toEqual({
      urls: [HOST],
      apiCallsOnly: true,
      requests: 'graphql',
    });
    expect(describeScope(r.settings.profileScopes.graphql)).toBe(`GraphQL requests to ${HOST}`);
    // Other profiles' scopes, built-in or the user's own, are what was stored.
    expect(r.settings.profileScopes.problem).toEqual({ urls: [HOST] });
    expect(r.settings.profileScopes.acme).toEqual({ urls: ['https://acme.example/*'] });
    expect(r.settings.profiles).toEqual(['graphql', 'problem', 'acme']);
    expect(r.settings.rules).toEqual({ 'http/date': 'off' });
    expect(r.settings.redaction.headers).toEqual(['x-team-secret']);
    // The stored document itself is not changed by reading it.
    expect(before.profileScopes.graphql).toEqual({ urls: [HOST], apiCallsOnly: true });
  });

  it('no longer judges a REST call to that host as GraphQL, and still judges its GraphQL requests', () => {
    const rules = activeRules({ ...read(before).settings, profiles: ['graphql'] });
    const rest = analyzeExchange(makeExchange(restCall), rules);
    expect(rest.profiles?.[0]?.reason).toMatch(/^it is not a GraphQL request/);
    expect(rest.findings.filter((f) => f.profile === 'graphql')).toEqual([]);
    const gql = analyzeExchange(makeExchange(graphqlCall), rules);
    expect(gql.profiles).toEqual([{ profile: 'graphql' }]);
    expect(gql.findings.map((f) => f.rule)).toContain('graphql/errors-shape');
  });

  it('is saved with `requests` by the next save, every other stored part kept', async () => {
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    const stored = { ...before, capture: { newSwitch: true } };
    await sync.set({ settings: stored });
    const store = settingsStoreOver(sync, local);
    const settings = await store.load();
    expect(settings.profileScopes.graphql?.requests).toBe('graphql');
    await store.save(settings);
    const saved = (await sync.get('settings')) as typeof before & { capture: Record<string, unknown> };
    expect(saved.profileScopes).toEqual({
      graphql: { urls: [HOST], apiCallsOnly: true, requests: 'graphql' },
      problem: { urls: [HOST] },
      acme: { urls: ['https://acme.example/*'] },
    });
    expect(saved.profiles).toEqual(['graphql', 'problem', 'acme']);
    expect(saved.rules).toEqual({ 'http/date': 'off' });
    // A part this version cannot read is still written back.
    expect(saved.capture.newSwitch).toBe(true);
  });

  it('is left alone when it already says `requests`, or is not a scope this version reads', () => {
    const withRequests = { version: 1, profileScopes: { graphql: { requests: 'graphql', urls: [HOST] } } };
    expect(read(withRequests).settings.profileScopes.graphql).toEqual({ requests: 'graphql', urls: [HOST] });
    // A corrupted value is kept as stored, for the next save to put back.
    const corrupted = { version: 1, profileScopes: { graphql: 'api.example.com' } };
    const r = read(corrupted);
    expect(r.settings.profileScopes).toEqual({});
    expect(r.kept).toEqual([{ path: ['profileScopes', 'graphql'], value: 'api.example.com' }]);
  });

  it('is left as a newer version stored it', () => {
    const newer = { ...before, version: 2 };
    const r = read(newer);
    expect(r.settings.profileScopes.graphql).toEqual({ urls: [HOST], apiCallsOnly: true });
  });

  it('is read the same way from a settings file an older version exported, imported on the options page', () => {
    const exported = {
      ...before,
      profiles: ['graphql', 'problem'],
      profileScopes: { graphql: before.profileScopes.graphql },
    };
    const r = readSettingsFile(JSON.stringify(exported), 'status-lens-settings.json', defaultSettings());
    expect(r.result.ok).toBe(true);
    expect(r.settings?.profileScopes.graphql).toEqual({
      urls: [HOST],
      apiCallsOnly: true,
      requests: 'graphql',
    });
  });
});
