import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { ingestRequest } from '../../../src/surfaces/panel/ingest';
import { harEntry } from '../../helpers/har';

const CAP = defaultSettings().capture.bodySizeCap;
const J = { 'Content-Type': 'application/json; charset=utf-8' };

/** Live capture: DevTools hands the entry (size maybe unknown), then getContent's text. */
async function ingest(size: number, text: string) {
  const entry = harEntry({ url: 'https://api.test/favicon.ico', status: 404, headers: J });
  entry.response.content.size = size;
  delete (entry.response.content as { text?: string }).text;
  const r = await ingestRequest({ entry, getContent: async () => ({ text, encoding: '' }) }, 'l0', CAP);
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe('live capture: an empty text from DevTools', () => {
  it('is an empty body when DevTools did not say how big the body was', async () => {
    const r = await ingest(-1, '');
    expect(r.exchange.body).toEqual({ kind: 'empty' });
    expect(r.bodyNote).toBeUndefined();
  });

  it('is a body DevTools no longer holds when it recorded a size (Chrome keeps the size, drops the text)', async () => {
    const r = await ingest(52, '');
    expect(r.exchange.body).toEqual({ kind: 'unknown', reason: 'not-captured', size: 52 });
    expect(r.bodyNote).toBe('DevTools no longer holds this body: analysed by headers only.');
  });
});
