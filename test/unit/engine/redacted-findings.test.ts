import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { activeSessionRules } from '../../../src/core/session/active';
import { SessionAnalyser } from '../../../src/core/session/analyser';
import { makeExchange } from '../../helpers/exchange';

/*
 * #14 item 2: findings quote what they found, and findings travel on into reports, SARIF and
 * chrome.storage.session. Whatever a rule quotes, no credential may survive in a finding.
 * Credential-shaped values are assembled at run time.
 */
const active = activeRules(defaultSettings());
const sessionRules = activeSessionRules(defaultSettings());
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64({ alg: 'HS256' })}.${b64({ sub: '1' })}.${'Sf1KxwRJ'.repeat(5)}`;
const GITHUB = 'gh' + 'p_' + 'k7Qm2xZp9L'.repeat(4).slice(0, 36);
const PASSWORD = 'S3cretPw9x';

/** What an exchange's findings say, the session rules' included (the first exchange of a session). */
const findingsText = (ex: ReturnType<typeof makeExchange>) => {
  const findings = [
    ...analyzeExchange(ex, active).findings,
    ...new SessionAnalyser(sessionRules).push(ex).findings,
  ];
  expect(findings.length).toBeGreaterThan(0);
  return JSON.stringify(findings);
};

describe('findings never carry credentials (#14)', () => {
  it('redacts a Server value that quotes a token', () => {
    const text = findingsText(makeExchange({ headers: { Server: `Apache/2.4.41 (build ${GITHUB})` } }));
    expect(text).toContain('Apache/2.4.41');
    expect(text).not.toContain(GITHUB);
  });

  it('redacts a database error excerpt that quotes a connection string password', () => {
    const body = `SQLSTATE[28000] [1045] connect postgres://app:${PASSWORD}@db.internal:5432/prod failed; password=${PASSWORD}`;
    const text = findingsText(makeExchange({ status: 500, headers: { 'Content-Type': 'text/plain' }, body }));
    expect(text).toContain('SQLSTATE');
    expect(text).not.toContain(PASSWORD);
  });

  it('redacts a JSON pointer that quotes a secret-shaped key', () => {
    const body = { sessions: { [JWT]: { password: 'hunter22abc' } } };
    const { findings } = analyzeExchange(
      makeExchange({ headers: { 'Content-Type': 'application/json' }, body }),
      active,
    );
    const pointers = findings.map((f) => f.pointer).filter((p) => p !== undefined);
    expect(pointers).toContain('/sessions/[REDACTED]/password');
    expect(JSON.stringify(findings)).not.toContain(JWT);
  });
});
