import { describe, expect, it } from 'vitest';
import { readHarBytes, readSplitEntry } from '../../../src/core/har/entry-reader';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { defaultSettings } from '../../../src/core/settings';
import { EndpointIndex, endpointRecord } from '../../../src/core/endpoints/grouper';
import { exchangeFacts } from '../../../src/core/filter/query';
import { toCurl } from '../../../src/core/export/curl';
import { toFetch } from '../../../src/core/export/fetch';
import { toHar } from '../../../src/core/export/har';
import { CaptureSummarizer } from '../../../src/core/diff/capture/summary';
import { harDocument, harEntry } from '../../helpers/har';

const entry = (url: string) => harEntry({ url, status: 201 });

describe('a request URL that is empty or no URL (drf_api.har #14: Insomnia\'s `"url": ""`)', () => {
  it.each([
    ['empty', '', 'the request URL is empty'],
    ['blank', '   ', 'the request URL is empty'],
    ['a relative path', '/api/users/', 'is not an absolute URL'],
    ['words', 'not a url', 'is not an absolute URL'],
    ['a scheme without a host', 'https://', 'is not an absolute URL'],
  ])('%s: the entry is read, with a note naming request.url', (_, url, words) => {
    const r = normalizeHarEntry(entry(url), '0');
    if (!r.ok) throw new Error(r.error);
    expect(r.exchange.url).toBe(url);
    expect(r.exchange.status).toBe(201);
    expect(r.notes).toEqual([{ path: 'request.url', message: expect.stringContaining(words) }]);
    expect(r.notes![0]!.message).toContain('were still checked');
  });

  it.each([
    'https://api.example.com/x?q=1',
    'http://127.0.0.1:8000/api/',
    'wss://live.example/feed',
    'data:text/plain,hi',
    'about:blank',
    'chrome-extension://abc/page.html',
  ])('%s is a URL: no note', (url) => {
    const r = normalizeHarEntry(entry(url), '0');
    expect(r).toEqual({ ok: true, exchange: expect.objectContaining({ url }) });
  });

  it('every reader gets the note with the entry: the splitter path and a whole file', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify(harDocument([entry('https://a.example/'), entry(''), entry('nope')]), null, 2),
    );
    const read = readHarBytes(bytes);
    expect(read.exchanges.map((e) => e.url)).toEqual(['https://a.example/', '', 'nope']);
    expect(read.problems).toEqual([]);
    expect(read.notes.map((n) => [n.index, n.path])).toEqual([
      [1, 'log.entries[1].request.url'],
      [2, 'log.entries[2].request.url'],
    ]);
    expect(read.notes[0]!.line).toBeGreaterThan(1);
    const one = readSplitEntry(
      { index: 0, line: 1, offset: 0, bytes: new TextEncoder().encode(JSON.stringify(entry(''))) },
      'x',
    );
    expect(one.ok && one.notes?.[0]?.path).toBe('request.url');
  });
});

describe('an exchange without a usable URL goes everywhere an exchange goes, without a crash', () => {
  it.each(['', 'not a url', '/relative'])(
    '%j: every rule and profile, the list, endpoints, exports',
    (url) => {
      const r = normalizeHarEntry(entry(url), '0');
      if (!r.ok) throw new Error(r.error);
      const ex = r.exchange;
      const settings = { ...defaultSettings(), profiles: [...BUILTIN_PROFILE_IDS] };
      const analysis = analyzeExchange(ex, activeRules(settings));
      expect(analysis.problems).toEqual([]);
      expect(exchangeFacts(ex)).toBeDefined();
      const index = new EndpointIndex();
      index.upsert(ex.id, endpointRecord(ex, analysis.findings));
      expect(toCurl(ex, { redact: true })).toContain('curl');
      expect(toFetch(ex, { redact: true })).toContain('fetch(');
      expect(toHar([ex], { redact: true }).log.entries).toHaveLength(1);
      const summary = new CaptureSummarizer();
      summary.add(ex, analysis.findings, undefined);
      expect(summary.summary()).toBeDefined();
    },
  );
});
