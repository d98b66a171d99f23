import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { SessionAnalyser } from '../../../src/core/session/analyser';
import { activeSessionRules } from '../../../src/core/session/active';
import { defaultSettings } from '../../../src/core/settings/schema';
import {
  buildReport,
  reportFor,
  REPORT_FORMATS,
  type ReportInput,
} from '../../../src/surfaces/panel/reports';
import { makeExchange } from '../../helpers/exchange';

/*
 * The panel's findings report (Export findings) hides what any row carries by name wherever a
 * row's URL or findings quote it: session/mixed-error-formats on a later row quotes the first
 * row's request line, token and all, which only that row's Authorization named.
 */
const token = 'Zq9xT4kLm2PwR7vB';
const sid = 's3ss10nAbCdEf99';
const api = 'https://api.acme.example';
const json = { 'Content-Type': 'application/json' };

function rows(): ReportInput[] {
  const settings = defaultSettings();
  const rules = activeRules(settings);
  const session = new SessionAnalyser(activeSessionRules(settings));
  const exchanges = [
    makeExchange({
      url: `${api}/tokens/${token}`,
      requestHeaders: { Authorization: `Bearer ${token}` },
      status: 500,
      headers: json,
      body: { error: 'boom' },
    }),
    makeExchange({
      url: `${api}/sessions/${sid}/cart`,
      requestHeaders: { Cookie: `sid=${sid}` },
      status: 404,
      headers: json,
      body: { detail: 'no cart' },
    }),
    makeExchange({ url: `${api}/users/12345678`, status: 400, headers: json, body: { message: 'bad' } }),
  ];
  return exchanges.map((ex, i) => {
    const exchange = {
      ...ex,
      id: `r${i}`,
      startedAt: new Date(Date.UTC(2026, 0, 1) + i * 100).toISOString(),
    };
    const analysis = analyzeExchange(exchange, rules);
    analysis.findings.push(...session.push(exchange, i).findings);
    return { exchange, analysis, number: i + 1 };
  });
}

describe("the panel's findings report hides every row's named credentials in every row", () => {
  it.each(REPORT_FORMATS.map((f) => f.id))('%s', (format) => {
    const input = rows();
    const settings = defaultSettings();
    // Raw, the session finding quotes the first two rows' request lines as recorded.
    const raw = reportFor(format, input, settings, false).text;
    expect(raw).toContain(`GET /tokens/${token}`);
    const text = reportFor(format, input, settings, true).text;
    expect(text).toContain('mixed-error-formats');
    expect(text).not.toContain(token);
    expect(text).not.toContain(sid);
    // An ordinary id stays.
    expect(text).toContain('/users/12345678');
  });

  it('the other rows are still named by their redacted request lines', () => {
    const report = buildReport(rows(), defaultSettings(), true);
    const last = report.exchanges[2]!;
    const mixed = last.findings.find((f) => f.rule === 'session/mixed-error-formats');
    expect(mixed?.message).toContain('GET /tokens/[REDACTED] → 500');
    expect(mixed?.message).toContain('GET /sessions/[REDACTED]/cart → 404');
    expect(report.exchanges.map((e) => e.url)).toEqual([
      `${api}/tokens/[REDACTED]`,
      `${api}/sessions/[REDACTED]/cart`,
      `${api}/users/12345678`,
    ]);
  });
});
