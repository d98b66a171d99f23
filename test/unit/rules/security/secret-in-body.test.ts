import { describe, expect, it } from 'vitest';
import rule from '../../../../src/core/rules/security/secret-in-body';
import { findSecrets, maskSecret } from '../../../../src/core/rules/security/secret-patterns';
import { ruleTester } from '../../../helpers/ruleTester';

// Fake credentials are assembled at run time so no secret-shaped literal sits in the repository.
const alnum = (n: number) => 'Q7x9K2mP4v'.repeat(Math.ceil(n / 10)).slice(0, n);
const upper = (n: number) => 'Q7X9K2MP4V'.repeat(Math.ceil(n / 10)).slice(0, n);
const AWS = 'AK' + 'IA' + upper(16);
const AWS_TEMP = 'AS' + 'IA' + upper(16);
const GITHUB = 'gh' + 'p_' + alnum(36);
const GITHUB_PAT = 'github' + '_pat_' + alnum(22) + '_' + alnum(59);
const SLACK = 'xo' + 'xb-' + '1234567890-' + alnum(24);
const STRIPE = 's' + 'k_live_' + alnum(24);
const STRIPE_PK = 'p' + 'k_live_' + alnum(24);
const GOOGLE = 'AI' + 'za' + alnum(35);
const PEM = '-----BEGIN ' + 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    { name: 'ordinary body', headers: json, body: { id: 'usr_123', token_type: 'Bearer' } },
    { name: 'Stripe publishable key is public', headers: json, body: { publishableKey: STRIPE_PK } },
    { name: 'AWS documentation sample key', headers: json, body: { key: 'AK' + 'IAIOSFODNN7EXAMPLE' } },
    { name: 'key id inside a longer identifier', headers: json, body: { id: 'X' + AWS } },
    { name: 'too-short GitHub-like token', headers: json, body: { t: 'gh' + 'p_' + alnum(20) } },
    { name: 'Slack placeholder', headers: json, body: { token: 'xo' + 'xb-your-token-here' } },
    {
      name: 'public key block',
      headers: { 'Content-Type': 'text/plain' },
      body: '-----BEGIN PUBLIC KEY-----\nMIIB',
    },
    { name: 'body not captured', headers: json },
  ],
  invalid: [
    {
      name: 'AWS key in a JSON member',
      headers: json,
      body: { credentials: { accessKeyId: AWS, region: 'eu-west-1' } },
      findings: [
        {
          severity: 'warning',
          pointer: '/credentials/accessKeyId',
          message: ['AWS access key ID', AWS.slice(0, 8) + '…'],
        },
      ],
    },
    {
      name: 'two secrets in one body',
      headers: json,
      body: { github: GITHUB, stripe: STRIPE },
      findings: [
        { severity: 'warning', pointer: '/github', message: ['GitHub token', 'ghp_Q7x9…'] },
        { severity: 'warning', pointer: '/stripe', message: ['Stripe secret key', 'sk_live_Q7x9…'] },
      ],
    },
    {
      name: 'private key in plain text',
      headers: { 'Content-Type': 'text/plain' },
      body: `config dump\n${PEM}\n`,
      findings: [{ severity: 'warning', message: ['PEM private key', 'BEGIN RSA PRIVATE KEY'] }],
    },
    {
      name: 'Slack token in HTML',
      headers: { 'Content-Type': 'text/html' },
      body: `<script>var t="${SLACK}"</script>`,
      findings: [{ severity: 'warning', message: ['Slack token', 'xoxb-1234…'] }],
    },
    {
      name: 'Google API key',
      headers: json,
      body: { config: [{ apiKey: GOOGLE }] },
      findings: [
        { severity: 'warning', pointer: '/config/0/apiKey', message: ['Google API key', 'AIzaQ7x9…'] },
      ],
    },
  ],
});

describe('findSecrets', () => {
  it('finds every kind with index and length', () => {
    const text = [AWS, AWS_TEMP, GITHUB, GITHUB_PAT, SLACK, STRIPE, GOOGLE, PEM].join(' | ');
    const found = findSecrets(text);
    expect(found.map((f) => f.kind)).toEqual([
      'aws-access-key-id',
      'aws-access-key-id',
      'github-token',
      'github-token',
      'slack-token',
      'stripe-secret-key',
      'google-api-key',
      'private-key',
    ]);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.length)).toBe(AWS);
    expect(text.slice(found[3]!.index, found[3]!.index + found[3]!.length)).toBe(GITHUB_PAT);
    expect(text.slice(found[7]!.index, found[7]!.index + found[7]!.length)).toBe(
      '-----BEGIN RSA PRIVATE KEY-----',
    );
  });

  it('accepts restricted Stripe keys and other GitHub prefixes', () => {
    const rk = 'r' + 'k_live_' + alnum(30);
    const ghs = 'gh' + 's_' + alnum(36);
    expect(findSecrets(`${rk} ${ghs}`).map((f) => f.kind)).toEqual(['stripe-secret-key', 'github-token']);
  });

  it('respects a limit', () => {
    expect(findSecrets(`${AWS} ${AWS_TEMP} ${GITHUB}`, 2)).toHaveLength(2);
  });

  it('masks all but a short prefix', () => {
    for (const [kind, secret] of [
      ['github-token', GITHUB],
      ['stripe-secret-key', STRIPE],
      ['aws-access-key-id', AWS],
      ['google-api-key', GOOGLE],
    ] as const) {
      const masked = maskSecret(kind, secret);
      expect(masked.endsWith('…')).toBe(true);
      expect(masked.length - 1).toBeLessThanOrEqual(secret.length / 2);
      expect(secret.startsWith(masked.slice(0, -1))).toBe(true);
    }
  });

  it('is fast on hostile input', () => {
    const started = performance.now();
    findSecrets(('gh' + 'p_' + 'a'.repeat(300) + ' ').repeat(6000) + 'AKIA'.repeat(300_000));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
