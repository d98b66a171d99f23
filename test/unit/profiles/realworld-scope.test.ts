import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { headerValue } from '../../../src/core/exchange/headers';
import type { Exchange } from '../../../src/core/exchange/types';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import { splitHarBytes } from '../../../src/core/har/stream-splitter';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { defaultSettings } from '../../../src/core/settings';

/**
 * Issue #12: on real recordings (test/fixtures/realworld, provenance in its SOURCES.md), with
 * every built-in profile on, no profile judges an exchange that is not an API call. The
 * classification here is written independently of the scope matcher, from what a reviewer
 * would call "not the API": page loads, scripts, styles, images, fonts, media, beacons,
 * socket.io/WebSocket transport, source maps, manifests.
 */
const DIR = resolve(import.meta.dirname, '../../fixtures/realworld');
const HARS = readdirSync(DIR).filter((f) => f.endsWith('.har'));

const NOT_API_TYPES =
  /^(document|script|stylesheet|image|font|media|ping|beacon|websocket|manifest|texttrack|other|preflight|prefetch|eventsource|signed-exchange|csp[-_]violation[-_]report)$/i;
const NOT_API_MEDIA =
  /^(text\/html|text\/css|(text|application)\/(x-)?javascript|image\/|font\/|video\/|audio\/|application\/(font|x-font)|application\/manifest\+json)/i;

function notApi(ex: Exchange): string | undefined {
  if (ex.resourceType && NOT_API_TYPES.test(ex.resourceType)) return `resource type ${ex.resourceType}`;
  if (/^wss?:/i.test(ex.url) || ex.status === 101) return 'WebSocket';
  const path = ex.url.split(/[?#]/)[0]!.toLowerCase();
  if (/\/(socket|engine)\.io\//.test(path) || /[?&]EIO=/.test(ex.url)) return 'socket.io transport';
  if (path.endsWith('.map')) return 'source map';
  if (path.endsWith('.webmanifest') || path.endsWith('/manifest.json')) return 'manifest';
  if (!ex.resourceType) {
    const media = (headerValue(ex.responseHeaders, 'content-type') ?? ex.mimeType).trim();
    const accept = headerValue(ex.requestHeaders, 'accept') ?? '';
    if (NOT_API_MEDIA.test(media) && !/json|xml/i.test(accept.split(',')[0] ?? ''))
      return `media type ${media}`;
  }
  return undefined;
}

/**
 * The entries of a HAR as the CLI reads them: split by the streaming splitter (which skips a
 * byte order mark), each parsed on its own, so one malformed entry (qdrill has a trailing
 * comma) costs that entry only.
 */
function readHar(file: string): { log: { entries: unknown[] } } {
  const entries: unknown[] = [];
  for (const e of splitHarBytes(new Uint8Array(readFileSync(join(DIR, file)))).entries) {
    try {
      entries.push(JSON.parse(new TextDecoder().decode(e.bytes)));
    } catch {
      entries.push(undefined);
    }
  }
  return { log: { entries } };
}

const everyProfile = activeRules({ ...defaultSettings(), profiles: [...BUILTIN_PROFILE_IDS] });

describe('real-world HARs with every built-in profile on', () => {
  it('has recordings to judge', () => expect(HARS.length).toBeGreaterThanOrEqual(16));

  it.each(HARS)('%s: no profile finding outside the API-call scope', (file) => {
    const har = readHar(file);
    const wrong: string[] = [];
    har.log.entries.forEach((raw, i) => {
      const r = normalizeHarEntry(raw, String(i));
      if (!r.ok) return;
      const ex = r.exchange;
      const analysis = analyzeExchange(ex, everyProfile);
      const profileFindings = analysis.findings.filter((f) => f.profile !== undefined);
      const why = notApi(ex);
      if (why) for (const f of profileFindings) wrong.push(`#${i} ${ex.url} (${why}): ${f.rule}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the corpus holds both kinds of exchange', () => {
    let outside = 0;
    let judged = 0;
    for (const file of HARS) {
      const har = readHar(file);
      for (const [i, raw] of har.log.entries.entries()) {
        const r = normalizeHarEntry(raw, String(i));
        if (!r.ok) continue;
        if (notApi(r.exchange)) outside++;
        else if (analyzeExchange(r.exchange, everyProfile).findings.some((f) => f.profile)) judged++;
      }
    }
    expect(outside).toBeGreaterThan(40);
    expect(judged).toBeGreaterThan(5);
  });
});
