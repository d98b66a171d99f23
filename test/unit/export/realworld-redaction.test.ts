import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import { toCurl } from '../../../src/core/export/curl';
import { toFetch } from '../../../src/core/export/fetch';
import { toHar } from '../../../src/core/export/har';
import { exchangeFacts } from '../../../src/core/filter/query';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { defaultSettings } from '../../../src/core/settings/schema';
import type { Row } from '../../../src/state/panel-store';
import { reportFor, REPORT_FORMATS } from '../../../src/surfaces/panel/reports';
import { summarizeRows } from '../../../src/surfaces/panel/summarize';
import { corpusFiles, lintCorpusFile } from '../../helpers/realworld';
import {
  describeSurvivor,
  knownSecrets,
  readExchanges,
  realHars,
  stringsOf,
  survivors,
  type Survivor,
} from '../../helpers/secret-audit';

/*
 * The trust audit of export redaction over every real capture we hold: each value known to be a
 * secret in the original exchange (test/helpers/secret-audit.ts says how it is known) must be
 * gone from that exchange's entry in the redacted HAR, exported as the panel's export job does
 * it (src/surfaces/panel/export-jobs.ts: toHar with the user's redaction lists). A failure names
 * the file, the entry, where the secret was, what found it and where it survived.
 */

/**
 * Values the generic checks flag that we judged not to be redacted, each with why. Anything here
 * is a decision, not a shrug: it must name the file and the place.
 */
const ACCEPTED: { file: string; place: RegExp; value?: string; why: string }[] = [
  {
    file: 'drf_api.har',
    place: /^request body member \/key$/,
    why:
      'dj-rest-auth\'s verify-email `{"key": …}`: a Django-signed e-mail confirmation that the ' +
      'request carrying it consumes. A JSON member named `key` is far more often data (i18n keys, ' +
      'cache keys, `{"key": "color", "value": "red"}`), and a signed value has no vendor prefix to ' +
      'find it by shape, so hiding it would hide ordinary documents.',
  },
  {
    file: 'wedding_api.har',
    place: /registration_key$/,
    why:
      "The app's own invitation ids (UUIDs) listed to its admin. A `*_key` suffix would also hide " +
      '`primary_key`, `sort_key`, `partition_key`, `idempotency_key`, `object_key`: ids, not secrets.',
  },
  // Values hidden where they sit by a credential's name, but carried openly by another exchange
  // under an ordinary name: ad-tech and analytics ids that share a credential-sounding name.
  {
    file: 'pagexray_nytimes-wpt.har',
    place: /^request URL query code$/,
    value: 'BQ-',
    why: "AppNexus's cookie sync `setuid?code=`: the user id X+1 set as a cookie and syncs as `val=`, `partner_uid=`.",
  },
  {
    file: 'pagexray_ferguson-h3.har',
    place: /^request URL query key$/,
    value: 'L8J7G-',
    why: "Akamai mPulse's beacon key: public by design, it is also the path of the page's boomerang script.",
  },
  {
    file: 'pagexray_ferguson-h3.har',
    place: /^request URL query sid$/,
    value: '1643952221',
    why: "Google Analytics' session start, a Unix time; LinkedIn's pixel sends the same second as `time=`.",
  },
  {
    file: 'pagexray_ferguson-h3.har',
    place: /^request header Cookie$/,
    value: 'guid=',
    why: 'A one-cookie header holding an ad-tech user id, which the next cookie sync sends as `shguid=`.',
  },
  // Corpus files A46 and A49 (test/fixtures/realworld/SOURCES.md).
  {
    file: 'j1auth0_users-429-ratelimit-reset.har',
    place: /^response header ot-baggage-auth0-request-id$/,
    why:
      "Auth0's request id (OpenTracing baggage; the same 16 hex digits open the cf-ray header and " +
      'sit in tracestate as `auth0-request-id=`): the generic check reads `auth` in `auth0`, it is no credential.',
  },
  // Corpus file A53.
  {
    file: 'j1azure_keyvault-401-bearer-challenge.har',
    place: /^response header x-ms-keyvault-network-info$/,
    value: 'conn_type=',
    why:
      "Key Vault's description of the client's connection (`conn_type=Ipv4;addr=…;act_addr_fam=InterNetwork;`): " +
      "the generic check reads `key` in `keyvault`. It names the caller's IP address: no credential, and " +
      'export redaction hides credentials, not addresses (hosts and IPs stay in every URL it exports).',
  },
];

const accepted = (file: string, s: Survivor) =>
  ACCEPTED.some(
    (a) =>
      a.file === file &&
      a.place.test(s.secret.place) &&
      (a.value === undefined || s.secret.value.startsWith(a.value)),
  );

const settings = defaultSettings();
// Every profile on, so the report quotes as many findings' messages and pointers as it can.
settings.profiles = [...BUILTIN_PROFILE_IDS];
const rules = activeRules(settings);

/** Known secrets of each exchange that a text still holds, as report lines. */
function leaksIn(
  name: string,
  exchanges: readonly Exchange[],
  text: (ex: Exchange, i: number) => string,
  only: (place: string) => boolean = () => true,
): string[] {
  const leaks: string[] = [];
  exchanges.forEach((ex, i) => {
    const secrets = knownSecrets(ex).filter((k) => only(k.place));
    if (secrets.length === 0) return;
    for (const s of survivors(secrets, [['output', text(ex, i)]]))
      if (!accepted(name, s)) leaks.push(describeSurvivor(name, i, s));
  });
  return leaks;
}

describe('redacted HAR export of every real capture', () => {
  const files = realHars();

  it('reads the whole corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  for (const { name, path } of files) {
    it(`${name}: no known secret survives`, () => {
      const exchanges = readExchanges(path);
      const doc = toHar(exchanges, { redact: true, redaction: settings.redaction });
      const leaks: string[] = [];
      // The whole export: a secret hidden where it was found must not survive in another entry
      // (a session id handed out in one response body and sent back in the next URLs).
      const out = stringsOf(doc.log.entries);
      exchanges.forEach((ex, i) => {
        for (const s of survivors(knownSecrets(ex), out))
          if (!accepted(name, s)) leaks.push(describeSurvivor(name, i, s));
      });
      expect(leaks).toEqual([]);
    });
  }

  it('the audit sees secrets where the corpus has them (it is not blind)', () => {
    // Unredacted, the known secrets all survive: the audit would catch a redaction that did nothing.
    const file = files.find((f) => f.name === 'bitssa_api.har')!;
    const exchanges = readExchanges(file.path);
    const doc = toHar(exchanges, { redact: false });
    const found = exchanges.flatMap((ex, i) => survivors(knownSecrets(ex), stringsOf(doc.log.entries[i])));
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('copy as cURL / fetch of every request of every real capture', () => {
  for (const { name, path } of realHars()) {
    it(`${name}: no known secret of the request survives`, () => {
      const exchanges = readExchanges(path);
      // They copy the request only: its URL, headers and body.
      const fromRequest = (place: string) => place.startsWith('request');
      const opts = { redact: true, redaction: settings.redaction };
      expect([
        ...leaksIn(name, exchanges, (ex) => toCurl(ex, opts), fromRequest),
        ...leaksIn(name, exchanges, (ex) => toFetch(ex, opts), fromRequest),
      ]).toEqual([]);
    });
  }
});

/**
 * One report per exchange in each format, and a SARIF report carries the whole rule catalogue
 * (tool.driver.rules, about 0.9 ms a report whatever it holds): h2o_all-status-methods.har's
 * 665 exchanges make some 2,000 reports after analysing each with every profile on, 1.9 s in
 * this test beside a CI run (load average 7). Under vitest's 5 s default that would flake on a
 * busy machine without catching anything more.
 */
const MANY_REPORTS = { timeout: 20_000 };

describe('findings reports and the stored summary of every real capture', MANY_REPORTS, () => {
  for (const { name, path } of realHars()) {
    it(`${name}: no known secret survives in a URL, a message or a pointer`, () => {
      const exchanges = readExchanges(path);
      const rows: Row[] = exchanges.map((ex) => ({
        exchange: ex,
        facts: exchangeFacts(ex),
        seq: 0,
        start: 0,
        analysis: analyzeExchange(ex, rules),
      }));
      // One report per exchange, so a survivor is traced to the exchange it came from.
      const leaks = REPORT_FORMATS.flatMap((f) =>
        leaksIn(name, exchanges, (_ex, i) => reportFor(f.id, [rows[i]!], settings, true).text).map(
          (l) => `${f.id}: ${l}`,
        ),
      );
      leaks.push(
        ...leaksIn(name, exchanges, (_ex, i) => JSON.stringify(summarizeRows([rows[i]!], 0))).map(
          (l) => `summary: ${l}`,
        ),
      );
      expect(leaks).toEqual([]);
    });
  }
});

describe('CLI reports of every real capture', () => {
  // The CLI lints the corpus folder (test/fixtures/realworld), so these are its files. The JSON
  // report, one exchange at a time: a whole-file search would blame an exchange for an id that
  // another one carries openly (an ad-tech user id is `code=` in one URL and `val=` in the next).
  // Every format is built from the same redacted report; the redaction table runs them all.
  const profile = ['--profile', BUILTIN_PROFILE_IDS.join(',')];
  for (const name of corpusFiles()) {
    it(`${name}: no known secret survives in an exchange of the JSON report`, async () => {
      const exchanges = readExchanges(realHars().find((f) => f.name === name)!.path);
      const { stdout } = await lintCorpusFile(name, ['--format', 'json', ...profile]);
      const report = JSON.parse(stdout) as { exchanges: { index: number }[] };
      const byIndex = new Map(report.exchanges.map((ex) => [ex.index, JSON.stringify(ex)]));
      // readHarBytes gives exchange ids that are the entry's index, as the CLI reports it: check
      // they meet, or an exchange missing from the report would pass unsearched.
      expect(exchanges.filter((ex) => !byIndex.has(Number(ex.id))).map((ex) => ex.id)).toEqual([]);
      expect(leaksIn(name, exchanges, (ex) => byIndex.get(Number(ex.id)) ?? '')).toEqual([]);
    });
  }
});

describe('the audit is not blind', () => {
  it('finds the secrets of a real capture in an export that was not redacted', () => {
    const file = realHars().find((f) => f.name === 'bitssa_api.har')!;
    const exchanges = readExchanges(file.path);
    const raw = { redact: false };
    expect(leaksIn(file.name, exchanges, (ex) => toCurl(ex, raw)).length).toBeGreaterThan(0);
    // bitssa sends its key in headers, not URLs; nytimes puts one in a URL, which reports quote.
    const nyt = realHars().find((f) => f.name === 'pagexray_nytimes-wpt.har')!;
    const nytExchanges = readExchanges(nyt.path);
    const nytRows: Row[] = nytExchanges.map((ex) => ({
      exchange: ex,
      facts: exchangeFacts(ex),
      seq: 0,
      start: 0,
    }));
    expect(
      leaksIn(nyt.name, nytExchanges, (_ex, i) => reportFor('json', [nytRows[i]!], settings, false).text),
    ).not.toEqual([]);
  });
});
