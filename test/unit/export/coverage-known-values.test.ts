import { describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../../src/cli/lint/options';
import { cli, oneEntryHar } from '../cli/cli-harness';

/*
 * With an OpenAPI description, every report format lists the calls it does not document by
 * their path (the coverage's undocumented operations). That path is the request's own, so a
 * credential in it must go as it goes from the report's URL: by shape, by a `;jsessionid=`
 * name, and where it repeats a value the exchange sends under a credential name.
 */
const SPEC = 'test/fixtures/openapi/petstore-3.0.yaml';
const API = 'https://petstore3.swagger.io/api/v3';
const secret = 'Qz7mW2xPLk94';
const ghKey = 'gh' + 'p_' + 'a1B2c3D4e5'.repeat(4).slice(0, 36);

const places: [string, { url: string; requestHeaders?: Record<string, string>; secret: string }][] = [
  [
    'Authorization token, again in the path',
    { url: `${API}/keys/${secret}`, requestHeaders: { Authorization: `Bearer ${secret}` }, secret },
  ],
  ['`;jsessionid=` path parameter', { url: `${API}/cart;jsessionid=${secret}`, secret }],
  ['a key by its shape', { url: `${API}/keys/${ghKey}/rotate`, secret: ghKey }],
];

describe('the OpenAPI coverage of a report quotes no credential in an undocumented path', () => {
  describe.each(places)('%s', (_where, p) => {
    it.each(LINT_FORMATS)('CLI %s report', async (format) => {
      const file = oneEntryHar({
        url: p.url,
        status: 404,
        requestHeaders: p.requestHeaders,
        mimeType: 'application/json',
        text: '{}',
      });
      const r = await cli(['lint', '-f', format, '--openapi', SPEC, file]);
      // The coverage is there, and lists the call.
      expect(r.stdout).toMatch(/OpenAPI coverage|openapiCoverage|"coverage"/);
      expect(r.stdout).toMatch(/keys|cart/);
      expect(r.stdout).not.toContain(p.secret);
    });
  });
});
