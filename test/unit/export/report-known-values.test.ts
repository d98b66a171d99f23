import { describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../../src/cli/lint/options';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { reportFor, REPORT_FORMATS } from '../../../src/surfaces/panel/reports';
import { makeExchange } from '../../helpers/exchange';
import { cli, oneEntryHar, writeScratch, type HarEntrySpec } from '../cli/cli-harness';

/*
 * Findings reports quote an exchange's URL and what its findings say (a database error, a JSON
 * key in a pointer). A credential that redaction hides by name in the exchange (its Authorization,
 * a cookie, a `;jsessionid=`) must not be quoted openly in either, in the panel's reports or the
 * CLI's, whatever the format.
 */
const secret = 'Qz7mW2xPLk94';
/** A MySQL error the server passed on: security/internal-error-details quotes it, key and all. */
const dbError = (id: string) => `Error: ER_DUP_ENTRY: Duplicate entry '${id}' for key 'sessions.PRIMARY'`;

/** One exchange, as the CLI reads it from a HAR entry and the panel holds it. */
type Place = Required<Pick<HarEntrySpec, 'url' | 'status' | 'mimeType' | 'text'>> & HarEntrySpec;

const asExchange = (p: Place) =>
  makeExchange({
    url: p.url,
    status: p.status,
    requestHeaders: p.requestHeaders ?? {},
    headers: { 'Content-Type': p.mimeType },
    body: p.text,
  });

const places: [string, Place][] = [
  [
    'path parameter, again in a database error the message quotes',
    {
      url: `https://shop.example/cart;jsessionid=${secret}`,
      status: 500,
      mimeType: 'text/plain',
      text: dbError(secret),
    },
  ],
  [
    'Authorization token, again in the URL path',
    {
      url: `https://api.example/v1/sessions/${secret}/items`,
      requestHeaders: { Authorization: `Bearer ${secret}` },
      status: 500,
      mimeType: 'text/plain',
      text: dbError('s1'),
    },
  ],
  [
    'cookie value, again as a JSON key in a finding pointer',
    {
      url: 'https://api.example/v1/debug',
      requestHeaders: { Cookie: `sid=${secret}` },
      status: 500,
      mimeType: 'application/json',
      text: JSON.stringify({ sessions: { [secret]: dbError('s1') } }),
    },
  ],
];

const settings = defaultSettings();
const rules = activeRules(settings);

describe('a credential hidden by name in an exchange is not quoted elsewhere in a findings report', () => {
  describe.each(places)('%s', (_where, place) => {
    it.each(REPORT_FORMATS.map((f) => f.id))('panel %s report', (format) => {
      const ex = asExchange(place);
      const row = { exchange: ex, analysis: analyzeExchange(ex, rules) };
      // The finding does quote it (or the URL holds it): the report has something to hide.
      expect(reportFor(format, [row], settings, false).text).toContain(secret);
      const text = reportFor(format, [row], settings, true).text;
      expect(text).not.toContain(secret);
      // Markdown escapes the brackets.
      expect(text).toContain('REDACTED');
    });

    it.each(LINT_FORMATS)('CLI %s report', async (format) => {
      const r = await cli(['lint', '-f', format, oneEntryHar(place)]);
      expect(r.stdout).toMatch(/MySQL error/);
      expect(r.stdout).not.toContain(secret);
    });
  });
});

describe("the user's redaction lists count in the CLI's reports as in the panel's", () => {
  const config = writeScratch('settings.json', {
    version: 1,
    redaction: { headers: ['X-Tenant-Pass'], queryParams: [], bodyMembers: ['tenantRef'] },
  });

  it('a value sent under a header the user listed is hidden where the URL repeats it', async () => {
    const file = oneEntryHar({
      url: `https://api.example/v1/tenants/${secret}`,
      requestHeaders: { 'X-Tenant-Pass': secret },
    });
    const r = await cli(['lint', '-f', 'json', '-c', config, file]);
    expect(JSON.parse(r.stdout).exchanges[0].url).toBe('https://api.example/v1/tenants/[REDACTED]');
    // Without the list it is an ordinary header, and the URL an ordinary URL.
    const plain = await cli(['lint', '-f', 'json', file]);
    expect(JSON.parse(plain.stdout).exchanges[0].url).toContain(secret);
  });

  it('a body member the user listed is hidden as a URL parameter too', async () => {
    const file = oneEntryHar({ url: `https://api.example/v1/a?tenantRef=${secret}&page=2` });
    const r = await cli(['lint', '-f', 'json', '-c', config, file]);
    expect(JSON.parse(r.stdout).exchanges[0].url).toBe(
      'https://api.example/v1/a?tenantRef=[REDACTED]&page=2',
    );
  });
});
