import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../src/core/engine/analyze';
import type { Finding } from '../../src/core/rules/types';
import { defaultSettings } from '../../src/core/settings';
import { activeSessionRules } from '../../src/core/session/active';
import { SessionAnalyser } from '../../src/core/session/analyser';
import * as apis from '../fixtures/apis';
import { makeExchange, type ExchangeSpec } from '../helpers/exchange';

/**
 * Realistic exchanges from well-known APIs through the whole engine with default settings.
 * Other rule families evolve independently, so each case pins down exactly which body/* and
 * security/* findings appear (and, by omission, which must not) and ignores the rest.
 */
const MINE = /^(?:body|security)\//;

interface Expect {
  rule: string;
  pointer?: string;
  message?: string[];
  severity?: Finding['severity'];
}

/** The exchange's findings, as the first response of a session (session rules included). */
function mine(spec: ExchangeSpec, settings = defaultSettings()): Finding[] {
  const exchange = makeExchange(spec);
  const result = analyzeExchange(exchange, activeRules(settings));
  const session = new SessionAnalyser(activeSessionRules(settings)).push(exchange);
  const problems = [...result.problems, ...session.problems];
  expect(problems.filter((p) => MINE.test(p.rule))).toEqual([]);
  return [...result.findings, ...session.findings].filter((f) => MINE.test(f.rule));
}

function expectExactly(spec: ExchangeSpec, want: Expect[]): void {
  const got = mine(spec);
  const key = (f: { rule: string; pointer?: string }) => `${f.rule} ${f.pointer ?? ''}`;
  expect(got.map(key).sort()).toEqual(want.map(key).sort());
  for (const w of want) {
    const f = got.find((g) => key(g) === key(w))!;
    for (const part of w.message ?? []) expect(f.message).toContain(part);
    if (w.severity) expect(f.severity).toBe(w.severity);
  }
}

describe('well-known API errors, default settings', () => {
  it('GitHub 422 Validation Failed: a clean, honest error', () => {
    expectExactly(apis.githubValidationFailed, []);
  });

  it('Stripe 402 card_declined: string error codes are not statuses', () => {
    expectExactly(apis.stripeCardDeclined, []);
  });

  it('Google 404 whose error.code agrees with the status', () => {
    expectExactly(apis.googleNotFound, []);
  });

  it('Google error served as 200 by a gateway', () => {
    expectExactly(apis.googleNotFoundBehindGateway, [
      { rule: 'body/status-mismatch', pointer: '/error/code', message: ['404', '200'] },
      { rule: 'body/soft-error', pointer: '/error', message: ['200', 'Requested entity was not found.'] },
    ]);
  });

  it('Microsoft Graph 404 Request_ResourceNotFound', () => {
    expectExactly(apis.graphUserNotFound, []);
  });

  it('Slack 200 with ok: false', () => {
    expectExactly(apis.slackChannelNotFound, [
      { rule: 'body/soft-error', pointer: '/ok', message: ['"ok": false', 'channel_not_found'] },
    ]);
  });

  it('Spring Boot 500 with a stack trace', () => {
    expectExactly(apis.springBootNullPointer, [
      {
        rule: 'security/stack-trace',
        pointer: '/trace',
        message: ['Java', 'OrderService.total(OrderService.java:42)'],
      },
    ]);
  });

  it('Express default 404 page to fetch()', () => {
    expectExactly(apis.expressCannotGet, [
      { rule: 'body/html-error-page', message: ['404', 'application/json', 'text/html'] },
    ]);
  });

  it('nginx 502 page from a proxy', () => {
    expectExactly(apis.nginxBadGateway, [
      { rule: 'body/html-error-page', message: ['502'] },
      { rule: 'security/server-version-disclosure', message: ['nginx/1.25.3'] },
    ]);
  });

  it('PHP uncaught PDOException with display_errors on', () => {
    const got = mine(apis.phpUncaughtPdoException);
    expect(got.map((f) => f.rule).sort()).toEqual([
      'body/html-error-page',
      'security/internal-error-details',
      'security/server-version-disclosure',
      'security/server-version-disclosure',
      'security/stack-trace',
    ]);
    expect(got.find((f) => f.rule === 'security/stack-trace')?.message).toContain('PHP');
    expect(got.find((f) => f.rule === 'security/internal-error-details')?.message).toContain(
      'SQLSTATE[42S02]',
    );
  });

  it('GitHub installation token: handed out on purpose, info without "rotate"', () => {
    expectExactly(apis.githubInstallationToken, [
      {
        rule: 'security/secret-in-body',
        pointer: '/token',
        severity: 'info',
        message: ['GitHub token', 'on purpose'],
      },
    ]);
    expect(mine(apis.githubInstallationToken)[0]?.message).not.toContain('rotate');
  });

  it('OAuth token endpoint with no-store: info', () => {
    expectExactly(apis.githubOAuthToken, [
      { rule: 'security/secret-in-body', pointer: '/access_token', severity: 'info', message: ['no-store'] },
    ]);
  });

  it('GitHub issue with a pasted Java trace: info, worded as likely data', () => {
    expectExactly(apis.githubIssueWithTrace, [
      { rule: 'security/stack-trace', pointer: '/body', severity: 'info', message: ['Java', 'often data'] },
    ]);
  });

  it('implicit-flow redirect with #access_token, but not the code flow', () => {
    expectExactly(apis.oauthImplicitRedirect, [
      { rule: 'security/secret-in-url', severity: 'warning', message: ['access_token=', 'fragment'] },
    ]);
    expectExactly(apis.oauthCodeRedirect, []);
  });

  it('no fixture makes a body or security rule throw', () => {
    for (const spec of Object.values(apis.API_FIXTURES)) mine(spec);
  });
});

describe('well-known API errors, opt-in security rules turned on', () => {
  const settings = defaultSettings();
  settings.rules['security/nosniff'] = 'warning';
  settings.rules['security/sensitive-no-store'] = 'warning';
  const rulesOf = (spec: ExchangeSpec) => mine(spec, settings).map((f) => f.rule);

  it('flags a body without nosniff and leaves nosniff responses alone', () => {
    expect(rulesOf(apis.nginxBadGateway)).toContain('security/nosniff');
    expect(rulesOf(apis.expressCannotGet)).not.toContain('security/nosniff');
  });

  it('accepts no-store or private on authenticated responses', () => {
    expect(rulesOf(apis.slackChannelNotFound)).not.toContain('security/sensitive-no-store');
    expect(rulesOf(apis.stripeCardDeclined)).not.toContain('security/sensitive-no-store');
    expect(rulesOf(apis.googleNotFound)).not.toContain('security/sensitive-no-store');
    expect(rulesOf(apis.githubValidationFailed)).toContain('security/sensitive-no-store');
  });
});
