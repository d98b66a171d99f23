import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * `status-lens lint` judges GraphQL requests by what they carry, not their URL: gqlgen's `/query`
 * is the graphql profile's (and a user profile scoped to `"requests": "graphql"`), a REST call
 * whose path ends in `graphql` is the REST profile's.
 */
const JSON_CT = { 'Content-Type': 'application/json' };
const withBody = (entry: object, text: string) => {
  const e = entry as { request: Record<string, unknown> };
  e.request.postData = { mimeType: 'application/json', text };
  return entry;
};
const traffic = writeScratch(
  'graphql-traffic.har',
  harText([
    withBody(
      harEntry({
        method: 'POST',
        url: 'http://127.0.0.1:8080/query',
        headers: JSON_CT,
        mimeType: 'application/json',
        text: '{"errors":[{"extensions":{"code":"UNAUTHENTICATED"}}]}',
      }),
      '{"query":"query Viewer { viewer { login } }"}',
    ),
    withBody(
      harEntry({
        method: 'POST',
        url: 'https://api.example.com/v1/connectors/graphql',
        status: 422,
        headers: JSON_CT,
        mimeType: 'application/json',
        text: '{"error":"endpoint unreachable"}',
      }),
      '{"endpoint":"https://x.example/gql"}',
    ),
  ]),
);

interface JsonReport {
  exchanges: { index: number; findings: { rule: string; profile?: string }[] }[];
}
const findings = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).exchanges.flatMap((ex) =>
    ex.findings.map((f) => `#${ex.index} ${f.rule}${f.profile ? ` (${f.profile})` : ''}`),
  );

describe('lint: GraphQL requests wherever they are sent', () => {
  it('the graphql profile judges the POST to /query, problem the REST call at …/graphql', async () => {
    const r = await cli([
      'lint',
      '--profile',
      'graphql',
      '--profile',
      'problem',
      '--format',
      'json',
      traffic,
    ]);
    expect(r.stderr).toBe('');
    const got = findings(r.stdout);
    expect(got).toContain('#0 graphql/errors-shape (graphql)');
    expect(got).toContain('#1 problem/content-type (problem)');
    expect(got.filter((f) => f.startsWith('#0') && f.includes('(problem)'))).toEqual([]);
    expect(got.filter((f) => f.startsWith('#1') && f.includes('(graphql)'))).toEqual([]);
    // A 200 with only "errors" is how a GraphQL request error may come back under application/json.
    expect(got).not.toContain('#0 body/soft-error');
  });

  it('a profile file scoped to "requests": "graphql" judges the GraphQL request only', async () => {
    const profile = writeScratch('acme-gql.json', {
      id: 'acme-gql',
      name: 'Acme GraphQL',
      summary: 'Every GraphQL answer carries a request id.',
      source: 'https://acme.example/guide',
      scope: { requests: 'graphql' },
      headers: { '2xx': ['X-Request-Id'], '4xx': ['X-Request-Id'] },
    });
    const r = await cli(['lint', '--profile-file', profile, '--format', 'json', traffic]);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout).filter((f) => f.includes('(acme-gql)'))).toEqual([
      '#0 acme-gql/required-headers (acme-gql)',
    ]);
  });
});
