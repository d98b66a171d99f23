import { describe, expect, it } from 'vitest';
import { toHar } from '../../../src/core/export/har';
import { defaultSettings } from '../../../src/core/settings/schema';
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
const ACCEPTED: { file: string; place: RegExp; why: string }[] = [
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
];

const accepted = (file: string, s: Survivor) =>
  ACCEPTED.some((a) => a.file === file && a.place.test(s.secret.place));

const settings = defaultSettings();

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
      exchanges.forEach((ex, i) => {
        const out = stringsOf(doc.log.entries[i]);
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
    expect(found.map((s) => s.secret.kind)).toEqual(expect.arrayContaining(['header name', 'member name']));
  });
});
