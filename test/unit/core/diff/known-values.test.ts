import { describe, expect, it } from 'vitest';
import { CaptureSummarizer } from '../../../../src/core/diff/capture/summary';
import { redactor } from '../../../../src/core/export/redact';
import type { Finding } from '../../../../src/core/rules/types';
import { makeExchange } from '../../../helpers/exchange';

/*
 * `status-lens diff` and the panel's "Compare with HAR…" report each endpoint by its redacted
 * route, with one finding message per rule as an example. A credential the exchange carries
 * under a name (a cookie, its Authorization) must not be printed where the example repeats it.
 */
const secret = 'Qz7mW2xPLk94';
const dbError: Finding = {
  rule: 'security/internal-error-details',
  severity: 'warning',
  message: `The body holds a MySQL error: "Duplicate entry '${secret}' for key 'sessions.PRIMARY'"`,
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
};

const places: [string, Record<string, string>][] = [
  ['cookie value', { Cookie: `theme=dark; sid=${secret}` }],
  ['Authorization token', { Authorization: `Bearer ${secret}` }],
  ['user-listed header', { 'X-Tenant-Pass': secret }],
];

describe('a capture summary prints no named credential its example messages repeat', () => {
  it.each(places)('%s', (_where, requestHeaders) => {
    const s = new CaptureSummarizer({ redact: redactor({ headers: ['X-Tenant-Pass'], queryParams: [] }) });
    s.add(
      makeExchange({ url: 'https://api.example/v1/carts', status: 500, requestHeaders }),
      [dbError],
      undefined,
    );
    const printed = JSON.stringify(s.summary());
    expect(printed).toContain('Duplicate entry');
    expect(printed).not.toContain(secret);
  });
});
