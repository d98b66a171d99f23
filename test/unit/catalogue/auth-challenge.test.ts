import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../src/core/catalogue/auth-challenge';
import { expectLinearScaling } from '../../helpers/scaling';

function read(value: string) {
  const { challenges, malformed } = parseChallenges(value);
  return {
    malformed,
    challenges: challenges.map((c) => ({
      scheme: c.scheme,
      ...(c.token68 !== undefined ? { token68: c.token68 } : {}),
      params: Object.fromEntries(c.params),
    })),
  };
}

describe('parseChallenges', () => {
  it('reads an RFC 6750 Bearer challenge', () => {
    expect(
      read('Bearer realm="api", error="invalid_token", error_description="The access token expired"'),
    ).toEqual({
      malformed: false,
      challenges: [
        {
          scheme: 'Bearer',
          params: { realm: 'api', error: 'invalid_token', error_description: 'The access token expired' },
        },
      ],
    });
  });

  it('reads several challenges in one field, with token and quoted values', () => {
    const r = read('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(r.malformed).toBe(false);
    expect(r.challenges).toEqual([
      { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
  });

  it('reads token68 credentials and bare schemes', () => {
    expect(read('Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXa==, Bearer').challenges).toEqual([
      { scheme: 'Negotiate', token68: 'YIIBhgYGKwYBBQUCoIIBejCCAXa==', params: {} },
      { scheme: 'Bearer', params: {} },
    ]);
  });

  it('keeps commas and equals signs inside quoted strings', () => {
    expect(read('Bearer error_description="a, b=c", realm="x"').challenges[0]?.params).toEqual({
      error_description: 'a, b=c',
      realm: 'x',
    });
  });

  it('lower-cases parameter names, keeps the first duplicate and flags the repeat', () => {
    const r = read('Bearer REALM="a", realm="b"');
    expect(r.challenges[0]?.params).toEqual({ realm: 'a' });
    expect(r.malformed).toBe(true);
  });

  it('tolerates whitespace around "=" (BWS)', () => {
    expect(read('Basic realm = "x"').challenges[0]?.params).toEqual({ realm: 'x' });
  });

  it('recovers from a missing comma between parameters', () => {
    const r = read('Bearer realm="x" error="invalid_token"');
    expect(r.malformed).toBe(true);
    expect(r.challenges[0]?.params).toEqual({ realm: 'x', error: 'invalid_token' });
  });

  it('survives malformed input without throwing', () => {
    const junk = [
      '',
      ',,,',
      '"',
      '=',
      'realm="x"',
      'Bearer realm="unterminated',
      'Bearer realm=',
      'Bearer ====',
      '\u0000\u0001 Bearer',
      'Bearer realm="a\\',
      '(Basic)',
      'Bearer realm="x"; error=y',
    ];
    for (const value of junk) expect(() => parseChallenges(value), value).not.toThrow();
    expect(read('Bearer realm="unterminated')).toEqual({
      malformed: true,
      challenges: [{ scheme: 'Bearer', params: { realm: 'unterminated' } }],
    });
    expect(read('realm="x"')).toEqual({ malformed: true, challenges: [] });
    expect(read('"').malformed).toBe(true);
  });

  it('stays fast and bounded on huge or adversarial values', { timeout: 60_000 }, () => {
    const huge = (size: number) => `Bearer ${'a="\\'.repeat(size)}`;
    const many = (size: number) => Array.from({ length: size }, (_, i) => `S${i}`).join(', ');
    expect(parseChallenges(huge(200_000)).malformed).toBe(true);
    expect(parseChallenges(many(5000)).challenges.length).toBeLessThanOrEqual(16);
    // Bounded means linear: t(8n) near 8 × t(n), far from quadratic's 64× (see scaling.ts for why
    // a ratio and not a wall-clock limit).
    // Sizes kept under the 8 KiB the parser reads (4 characters a unit; about 7 a challenge before
    // the 16th, past which it stops).
    expectLinearScaling(huge, (value) => parseChallenges(value), { n: 20, maxSize: 2_000 });
    expectLinearScaling(many, (value) => parseChallenges(value), { n: 1, maxSize: 16 });
  });

  it('is safe with __proto__ as a parameter name', () => {
    const { challenges } = parseChallenges('Bearer __proto__="x", realm="r"');
    expect(challenges[0]?.params.get('__proto__')).toBe('x');
    expect(challenges[0]?.params.get('realm')).toBe('r');
  });
});
