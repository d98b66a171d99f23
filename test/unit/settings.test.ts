import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/rules/registry';
import {
  defaultSettings,
  MAX_BODY_SIZE_CAP,
  MAX_RETENTION_CAP,
  redactionRemoved,
} from '../../src/core/settings/schema';
import { parseSettings } from '../../src/core/settings/parse';

describe('settings document', () => {
  it('fills what a partial document omits with defaults', () => {
    const r = parseSettings({ profiles: ['problem'], rules: { 'http/created-location': 'off' } }, RULE_IDS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.profiles).toEqual(['problem']);
    expect(r.settings.rules).toEqual({ 'http/created-location': 'off' });
    expect(r.settings.capture).toEqual(defaultSettings().capture);
  });

  it('round-trips the defaults', () => {
    expect(parseSettings(JSON.parse(JSON.stringify(defaultSettings())), RULE_IDS)).toEqual({
      ok: true,
      settings: defaultSettings(),
    });
  });

  it('names every problem with its path, and never throws', () => {
    const r = parseSettings(
      {
        version: 2,
        profiles: ['problem', 'soap'],
        rules: { 'http/nope': 'off', 'http/created-location': 'loud', 'http/created-locaton': 'off' },
        capture: { bodySizeCap: -1, apiOnly: 'yes', badgeMode: 'all', extra: 1 },
        redaction: { headers: [1] },
        colour: 'blue',
      },
      RULE_IDS,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'unknown setting "colour" (expected version, profiles, profileScopes, userProfiles, rules, ruleOptions, capture, redaction, openapi or $schema)',
        'version: expected 1, got 2',
        'profiles[1]: unknown profile "soap" (expected problem, hal, envelope, graphql or jsonapi)',
        'rules["http/nope"]: unknown rule',
        'rules["http/created-locaton"]: unknown rule (did you mean http/created-location?)',
        'rules["http/created-location"]: expected "off", "info", "warning" or "error", got "loud"',
        'capture.extra: unknown setting (expected apiOnly, bodySizeCap, retentionCap, preserveLog, badgeMode or monitoring)',
        'capture.apiOnly: expected true or false',
        'capture.bodySizeCap: expected a size in bytes from 0 to 1073741824 (1 GiB): a number such as 10485760, or a string with a unit such as "10 MiB" or "512K" (K, M and G are 1024-based), got -1',
        'capture.badgeMode: expected "errors" or "5xx"',
        'redaction.headers: expected an array of names',
      ]),
    );
    for (const junk of [null, 42, 'x', [], { rules: null }, { capture: [] }])
      expect(parseSettings(junk).ok).toBe(false);
  });

  it('holds settings files to the same bounds as the options page', () => {
    const ok = parseSettings({
      capture: { bodySizeCap: MAX_BODY_SIZE_CAP, retentionCap: MAX_RETENTION_CAP },
    });
    expect(ok.ok).toBe(true);
    const r = parseSettings({
      capture: { bodySizeCap: MAX_BODY_SIZE_CAP + 1, retentionCap: MAX_RETENTION_CAP + 1 },
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        'capture.bodySizeCap: 1073741825 is over the most, 1073741824 (1 GiB)',
        'capture.retentionCap: expected a whole number from 0 to 10000000',
      ],
    });
  });

  it('names what a new document stops redacting', () => {
    const before = defaultSettings();
    const after = defaultSettings();
    after.redaction.headers = ['authorization', 'x-extra'];
    after.redaction.queryParams = [];
    const removed = redactionRemoved(before, after);
    expect(removed.headers).toContain('cookie');
    expect(removed.headers).not.toContain('authorization');
    expect(removed.headers).not.toContain('x-extra');
    expect(removed.queryParams).toEqual(before.redaction.queryParams);
    expect(redactionRemoved(before, defaultSettings())).toEqual({
      headers: [],
      queryParams: [],
      bodyMembers: [],
    });
    before.redaction.bodyMembers = ['pincode'];
    expect(redactionRemoved(before, defaultSettings()).bodyMembers).toEqual(['pincode']);
  });

  it('reads body member names for redaction, lower-cased, and rejects unknown redaction keys', () => {
    const r = parseSettings({ redaction: { bodyMembers: [' PinCode ', ''] } });
    expect(r.ok && r.settings.redaction.bodyMembers).toEqual(['pincode']);
    // Settings written before body members existed still read, with none.
    const old = parseSettings({ redaction: { headers: ['x-a'], queryParams: [] } });
    expect(old.ok && old.settings.redaction.bodyMembers).toEqual([]);
    const bad = parseSettings({ redaction: { bodyMembers: 'pin', members: [] } });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'redaction.members: unknown setting (expected headers, queryParams or bodyMembers)',
      'redaction.bodyMembers: expected an array of names',
    ]);
  });

  it('ignores rule ids named like Object.prototype members', () => {
    const r = parseSettings({ rules: { __proto__: 'off', constructor: 'off' } }, RULE_IDS);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).off).toBeUndefined();
  });
});

describe('capture.bodySizeCap written as a size', () => {
  it('reads "10M", "10 MB", "512k" and "1.5 MiB" as 1024-based sizes, as the CLI flag does', () => {
    const cap = (v: unknown) => {
      const r = parseSettings({ capture: { bodySizeCap: v } });
      return r.ok ? r.settings.capture.bodySizeCap : r.errors;
    };
    expect(cap('10M')).toBe(10 * 1024 * 1024);
    expect(cap('10 MB')).toBe(10 * 1024 * 1024);
    expect(cap('512k')).toBe(512 * 1024);
    expect(cap('1.5 MiB')).toBe(1.5 * 1024 * 1024);
    expect(cap('1G')).toBe(1024 * 1024 * 1024);
  });

  it('names the place and what to write when it cannot be read, or is over the most', () => {
    const r = parseSettings({ capture: { bodySizeCap: '10 megs' } });
    expect(r.ok ? [] : r.errors).toEqual([
      'capture.bodySizeCap: expected a size in bytes from 0 to 1073741824 (1 GiB): a number such as 10485760, or a string with a unit such as "10 MiB" or "512K" (K, M and G are 1024-based), got "10 megs"',
    ]);
    const over = parseSettings({ capture: { bodySizeCap: '2G' } });
    expect(over.ok ? [] : over.errors).toEqual([
      'capture.bodySizeCap: "2G" (2147483648 bytes) is over the most, 1073741824 (1 GiB)',
    ]);
  });
});

describe('an unknown top-level setting', () => {
  it('names the setting it is close to, so a typo is one glance from its fix', () => {
    const r = parseSettings({ version: 1, rulez: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(['unknown setting "rulez" (did you mean "rules"?)']);
    const swapped = parseSettings({ version: 1, porfiles: [] });
    expect(swapped.ok ? [] : swapped.errors).toEqual([
      'unknown setting "porfiles" (did you mean "profiles"?)',
    ]);
  });
});
