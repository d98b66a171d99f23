import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness';
import { allOAuthErrors, OAUTH_CONTEXT_PLACE } from '../../../src/core/catalogue/oauth';

/** `status-lens explain --list`: what a user reads to find which codes are explained. */
describe('status-lens explain --list', () => {
  it('lists the OAuth error codes after the status codes and network errors, marked as OAuth', async () => {
    const r = await cli(['explain', '--list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    const firstOAuth = lines.findIndex((l) => l.endsWith('(OAuth 2.0)'));
    const lastNet = lines.findLastIndex((l) => l.startsWith('net::ERR_'));
    const last404 = lines.findIndex((l) => l.startsWith('404  Not Found'));
    expect(last404).toBeGreaterThanOrEqual(0);
    expect(lastNet).toBeGreaterThan(last404);
    expect(firstOAuth).toBeGreaterThan(lastNet);
    // Every line from there on is an OAuth code and its place, or its summary beneath it.
    const oauth = lines.slice(firstOAuth);
    expect(oauth.filter((l, i) => i % 2 === 0).every((l) => l.endsWith('(OAuth 2.0)'))).toBe(true);
    expect(oauth.filter((l, i) => i % 2 === 1).every((l) => l.startsWith('     '))).toBe(true);
  });

  it('names each code with the place it is sent, once per place, with its summary', async () => {
    const r = await cli(['explain', '--list']);
    const lines = r.stdout.split('\n');
    const at = (heading: string) => lines.indexOf(heading);
    expect(lines.filter((l) => l.startsWith('invalid_request '))).toEqual([
      'invalid_request at the token endpoint (OAuth 2.0)',
      'invalid_request from the authorization endpoint (OAuth 2.0)',
      'invalid_request from a protected resource (OAuth 2.0)',
      'invalid_request at the pushed authorization request endpoint (OAuth 2.0)',
    ]);
    const grant = at('invalid_grant at the token endpoint (OAuth 2.0)');
    expect(lines[grant + 1]).toMatch(/^ {5}The grant \(authorization code, refresh token/);
    expect(at('login_required from the authorization endpoint (OAuth 2.0)')).toBeGreaterThan(0);
    expect(at('unsupported_token_type at the revocation endpoint (OAuth 2.0)')).toBeGreaterThan(0);
    expect(at('invalid_redirect_uri at the client registration endpoint (OAuth 2.0)')).toBeGreaterThan(0);
    expect(at('invalid_client at the introspection endpoint (OAuth 2.0)')).toBeGreaterThan(0);
  });

  it('keeps its JSON an array of status and network error entries (the documented shape)', async () => {
    const r = await cli(['explain', '--list', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { code: unknown }[];
    expect(list.some((e) => e.code === 'invalid_grant')).toBe(false);
    expect(list.every((e) => typeof e.code === 'number' || String(e.code).startsWith('net::ERR_'))).toBe(
      true,
    );
  });

  it('prints the OAuth codes in JSON with --oauth, leaving the status list as it was', async () => {
    const plain = await cli(['explain', '--list', '--format', 'json']);
    const r = await cli(['explain', '--list', '--oauth', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Without --oauth the list keeps its shape: status codes, then network errors, no OAuth code.
    const statuses = JSON.parse(plain.stdout) as { code: unknown }[];
    expect(statuses[0]).toMatchObject({ code: 0, reason: 'No Response' });
    expect(statuses.some((e) => e.code === 'invalid_grant')).toBe(false);
    expect(statuses.findIndex((e) => e.code === 404)).toBeLessThan(
      statuses.findIndex((e) => String(e.code).startsWith('net::ERR_')),
    );
    const oauth = JSON.parse(r.stdout) as { code: string; context: string }[];
    // One entry per code and place, in the text list's order, as `explain CODE --format json` has them.
    const textHeadings = (await cli(['explain', '--list', '--oauth'])).stdout
      .split('\n')
      .filter((l) => l.endsWith('(OAuth 2.0)'));
    expect(textHeadings).toHaveLength(oauth.length);
    expect(textHeadings.every((l, i) => l.startsWith(`${oauth[i]!.code} `))).toBe(true);
    expect(oauth.filter((e) => e.code === 'invalid_request').map((e) => e.context)).toEqual([
      'token',
      'authorization',
      'resource',
      'pushed-authorization',
    ]);
    const grant = JSON.parse(
      (await cli(['explain', 'invalid_grant', '--format', 'json'])).stdout,
    ) as unknown[];
    expect(oauth.filter((e) => e.code === 'invalid_grant')).toEqual(grant);
    expect(oauth.find((e) => e.code === 'unsupported_token_type')).toMatchObject({
      context: 'revocation',
      origin: 'RFC 7009 §2.2.1',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1',
    });
  });

  it('lists the OAuth codes alone in text with --oauth, and refuses --oauth without --list', async () => {
    const lines = (await cli(['explain', '--list', '--oauth'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('invalid_request at the token endpoint (OAuth 2.0)');
    expect(lines.some((l) => l.startsWith('404 ') || l.startsWith('net::ERR_'))).toBe(false);
    const r = await cli(['explain', 'invalid_grant', '--oauth']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--oauth goes with --list');
  });

  it('says in the command list that OAuth codes are listed', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('every status code, net::ERR_… and OAuth error code explained');
  });
});

describe('status-lens explain --help', () => {
  it('names every place an OAuth code is explained for, as docs/cli.md does, in lines no longer than the rest (96)', async () => {
    const r = await cli(['explain', '--help']);
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const place of [
      'the token endpoint',
      'the authorization endpoint',
      'a protected resource',
      'the revocation endpoint',
      'the introspection endpoint',
      'the client registration endpoint',
      'the pushed authorization request endpoint',
      'client configuration endpoint',
    ])
      expect(text).toContain(place);
    // Every place the catalogue keeps entries for, worded as its headings are.
    for (const e of allOAuthErrors())
      expect(text).toContain(OAUTH_CONTEXT_PLACE[e.context].replace(/^(?:at|from) /, ''));
    expect(r.stdout.split('\n').filter((l) => l.length > 96)).toEqual([]);
  });
});
