import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, scratch, writeScratch } from './cli-harness';

/**
 * A user profile whose scope holds no exchange of a file judges nothing there. The lint says so
 * on standard error, once per file and profile, and never in a report on standard output.
 */
const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  scope: { urls: ['https://api.acme.test/v1/*'] },
  body: { error: { required: ['code'] } },
};
const JSON_CT = { 'Content-Type': 'application/json' };
const call = (url: string) =>
  harEntry({ url, status: 400, headers: JSON_CT, text: '{"message":"bad"}', mimeType: 'application/json' });
const elsewhere = writeScratch(
  'elsewhere.har',
  harText([
    call('https://api.acme.test/v2/orders'),
    call('https://api.other.test/v1/orders'),
    call('https://x.test/'),
  ]),
);
const acmeTraffic = writeScratch('acme.har', harText([call('https://api.acme.test/v1/orders')]));
const profile = writeScratch('acme-profile.json', acme);
const WARNING =
  'ELSEWHERE: warning: profile "acme" matched none of the 3 entries (scope: API calls to https://api.acme.test/v1/*)';

const warnings = (stderr: string) =>
  stderr.split('\n').filter((l) => l.includes('matched none') || l.includes('did not match'));

describe('lint: a user profile whose scope matches nothing in a file', () => {
  it.each(['json', 'sarif', 'junit', 'markdown'])(
    '--format %s: one warning on standard error per file, the report on standard output untouched',
    async (format) => {
      const r = await cli([
        'lint',
        '--profile-file',
        profile,
        '-f',
        format,
        '--jobs',
        '1',
        elsewhere,
        acmeTraffic,
      ]);
      expect(r.code).toBe(0);
      // Named once per file, not for the file it matched in.
      expect(warnings(r.stderr)).toEqual([WARNING.replace('ELSEWHERE', elsewhere)]);
      expect(r.stdout).not.toContain('matched none');
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(r.stdout)).not.toThrow();
    },
  );

  it('text: on standard error too, also with the report written to a file', async () => {
    const r = await cli(['lint', '--profile-file', profile, elsewhere]);
    expect(warnings(r.stderr)).toEqual([WARNING.replace('ELSEWHERE', elsewhere)]);
    expect(r.stdout).not.toContain('matched none');
    const out = join(scratch(), 'report.txt');
    const o = await cli(['lint', '--profile-file', profile, '-o', out, elsewhere]);
    expect(warnings(o.stderr)).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).not.toContain('matched none');
  });

  it('says nothing when the scope holds an exchange of the file', async () => {
    const r = await cli(['lint', '--profile-file', profile, '-f', 'json', acmeTraffic]);
    expect(r.stderr).toBe('');
  });

  it('reads the scope a settings file gives the profile (profileScopes), and words a one-entry file', async () => {
    const config = writeScratch('settings.json', {
      version: 1,
      userProfiles: [acme],
      profiles: ['acme'],
      profileScopes: { acme: { urls: ['https://nowhere.test/*'], methods: ['GET'] } },
    });
    const r = await cli(['lint', '-c', config, '-f', 'json', acmeTraffic]);
    expect(warnings(r.stderr)).toEqual([
      `${acmeTraffic}: warning: profile "acme" did not match the only entry (scope: API calls to https://nowhere.test/* (GET))`,
    ]);
  });

  it("counts only exchanges in scope: a page load to the scope's URL is not an API call", async () => {
    const page = harEntry({
      url: 'https://api.acme.test/v1/',
      status: 200,
      headers: { 'Content-Type': 'text/html' },
      text: '<p>',
      mimeType: 'text/html',
    });
    const file = writeScratch('page.har', harText([page, page]));
    const r = await cli(['lint', '--profile-file', profile, '-f', 'json', file]);
    // The entries were on its URLs: the warning says why they fell out all the same.
    expect(warnings(r.stderr)).toEqual([
      `${file}: warning: profile "acme" matched none of the 2 entries (scope: API calls to https://api.acme.test/v1/*); the 2 entries on its URLs are not API calls`,
    ]);
  });

  it('counts, per reason, the entries on its URLs it left out: one line per profile and file', async () => {
    const page = harEntry({
      url: 'https://api.acme.test/v1/',
      headers: { 'Content-Type': 'text/html' },
      text: '<p>',
      mimeType: 'text/html',
    });
    // RFC 6749 §5.1's answer makes a POST a token request, even with its body hidden.
    const token = harEntry({
      method: 'POST',
      url: 'https://api.acme.test/v1/oauth/token',
      headers: JSON_CT,
      text: '{"access_token":"t","token_type":"Bearer"}',
      mimeType: 'application/json',
    });
    const graphql = harEntry({
      method: 'POST',
      url: 'https://api.acme.test/v1/graphql',
      headers: { 'Content-Type': 'application/graphql-response+json' },
      text: '{"data":null}',
    });
    const file = writeScratch(
      'left-out.har',
      harText([page, token, page, graphql, token, call('https://api.other.test/v1/x')]),
    );
    const r = await cli(['lint', '--profile-file', profile, '-f', 'json', file]);
    expect(warnings(r.stderr)).toEqual([
      `${file}: warning: profile "acme" matched none of the 6 entries (scope: API calls to https://api.acme.test/v1/*); of the 5 entries on its URLs, 2 are not API calls, 2 are OAuth 2.0 token requests and 1 is a GraphQL request`,
    ]);
    // The only entry, on its URLs, a token request.
    const one = writeScratch('one-token.har', harText([token]));
    const o = await cli(['lint', '--profile-file', profile, '-f', 'json', one]);
    expect(warnings(o.stderr)).toEqual([
      `${one}: warning: profile "acme" did not match the only entry (scope: API calls to https://api.acme.test/v1/*); the only entry on its URLs is an OAuth 2.0 token request`,
    ]);
  });

  it('names a built-in profile the settings narrowed (profileScopes) to nothing of the file', async () => {
    const config = writeScratch('narrowed-problem.json', {
      version: 1,
      profiles: ['problem', 'hal'],
      profileScopes: { problem: { urls: ['https://api.example.com/*'] } },
    });
    const r = await cli(['lint', '-c', config, '-f', 'json', elsewhere]);
    // hal keeps its own scope (every API call): not watched, whatever it held.
    expect(warnings(r.stderr)).toEqual([
      `${elsewhere}: warning: profile "problem" matched none of the 3 entries (scope: API calls to https://api.example.com/*)`,
    ]);
    const held = writeScratch('narrowed-held.json', {
      version: 1,
      profiles: ['problem'],
      profileScopes: { problem: { urls: ['https://api.acme.test/*'] } },
    });
    expect((await cli(['lint', '-c', held, '-f', 'json', acmeTraffic])).stderr).toBe('');
  });

  it('says nothing of built-in profiles on their own scope, nor of a file without entries', async () => {
    const pages = writeScratch(
      'pages.har',
      harText([harEntry({ url: 'https://x.test/', headers: { 'Content-Type': 'text/html' }, text: '<p>' })]),
    );
    const p = await cli(['lint', '--profile', 'hal', '-f', 'json', pages]);
    expect(warnings(p.stderr)).toEqual([]);
    const empty = writeScratch('empty.har', harText([]));
    const r = await cli(['lint', '--profile', 'hal', '--profile-file', profile, '-f', 'json', empty]);
    expect(warnings(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('warning: no entries (log.entries is empty)');
  });
});
