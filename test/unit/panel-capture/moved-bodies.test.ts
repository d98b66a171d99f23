import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { createImporter } from '../../../src/surfaces/panel/importer';
import {
  lazyTextBody,
  MOVED_BODY_CHARS,
  moveLargeBodies,
  restoreMovedBodies,
} from '../../../src/surfaces/panel/moved-bodies';
import { isFromWorker } from '../../../src/surfaces/panel/worker-protocol';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { createPanelStore } from '../../../src/state/panel-store';
import { harDocument, harEntry } from '../../helpers/har';
import { FakeWorker, harBytes, J } from './fakes';

/** A JSON body of at least `chars` characters, with text outside ASCII in it. */
const bigJson = (chars: number) => JSON.stringify({ note: 'café — 東京 😀', items: 'x'.repeat(chars) });

async function batchesOf(entries: ReturnType<typeof harEntry>[], importId = 'har0') {
  const out: ImportBatch[] = [];
  await importHar(
    harBytes(JSON.stringify(harDocument(entries))),
    { importId, bodyCap: 5_000_000, idPrefix: `${importId}-`, fileName: 'big.har' },
    activeRules(defaultSettings()),
    (b) => out.push(b),
    1_000,
  );
  return out;
}

const entry = (path: string, text: string) =>
  harEntry({ url: `https://api.io${path}`, status: 200, headers: J, text });

describe('large imported bodies cross to the panel as moved bytes', () => {
  it('moves only bodies over the threshold, and leaves the worker’s own exchanges whole', async () => {
    const big = bigJson(MOVED_BODY_CHARS);
    const [batch] = await batchesOf([entry('/small', '{"a":1}'), entry('/big', big)]);
    const { batch: sent, moved, transfer } = moveLargeBodies(batch!);
    expect(moved.map((m) => m.item)).toEqual([1]);
    expect(transfer).toEqual([moved[0]!.bytes]);
    expect(sent.items[0]).toBe(batch!.items[0]);
    expect(sent.items[1]!.exchange.body).toEqual({ kind: 'text', size: expect.any(Number), text: '' });
    // What the worker keeps (the body search, exports of its records) still has the text.
    expect(batch!.items[1]!.exchange.body).toMatchObject({ kind: 'text', text: big });
  });

  it('gives back exactly the text, multi-byte characters included, decoded when first read', () => {
    const text = bigJson(MOVED_BODY_CHARS);
    const body = lazyTextBody(new TextEncoder().encode(text).buffer as ArrayBuffer, 123);
    expect(body.kind).toBe('text');
    expect(body.size).toBe(123);
    expect(body.text).toBe(text);
    expect(body.text).toBe(text);
    // A copy (a spread, a structured clone for an export) carries the text.
    expect({ ...body }).toEqual({ kind: 'text', size: 123, text });
    expect(structuredClone(body)).toEqual({ kind: 'text', size: 123, text });
  });

  it('copies a body with a lone surrogate as text, so no character is replaced', async () => {
    const lone = `{"s":"\ud800","pad":"${'y'.repeat(MOVED_BODY_CHARS)}"}`;
    const [batch] = await batchesOf([entry('/lone', lone)]);
    const { batch: sent, moved } = moveLargeBodies(batch!);
    expect(moved).toEqual([]);
    expect(sent).toBe(batch);
  });

  it('through the worker protocol: the guard accepts it, and the row shows the whole body', async () => {
    const store = createPanelStore();
    const worker = new FakeWorker();
    const importer = createImporter(createWorkerAnalyzer({ createWorker: () => worker }), store);
    const big = bigJson(2 * MOVED_BODY_CHARS);
    const entries = [entry('/a', '{"a":1}'), entry('/b', big)];
    await importer.importFiles([new File([JSON.stringify(harDocument(entries))], 'big.har')]);
    const [importId] = worker.importIds();
    const batches = await batchesOf(entries, importId);
    for (const b of batches) {
      const { batch, moved } = moveLargeBodies(b);
      const message = { type: 'imported' as const, batch, moved };
      expect(isFromWorker(message)).toBe(true);
      worker.reply(message);
    }
    const rows = store.getState().rows;
    expect(rows).toHaveLength(2);
    expect(rows[1]!.exchange.body).toMatchObject({ kind: 'text', text: big });
    expect(store.getState().notice).toBe('Imported 2 of 2 entries from big.har');
  });

  it('the guard turns away malformed moved bodies, and a stray index is ignored', async () => {
    const [batch] = await batchesOf([entry('/a', '{"a":1}')]);
    expect(isFromWorker({ type: 'imported', batch, moved: [{ item: '0', bytes: new ArrayBuffer(1) }] })).toBe(
      false,
    );
    expect(isFromWorker({ type: 'imported', batch, moved: [{ item: 0, bytes: 'text' }] })).toBe(false);
    expect(isFromWorker({ type: 'imported', batch, moved: {} })).toBe(false);
    const restored = restoreMovedBodies(batch!, [{ item: 7, bytes: new ArrayBuffer(1) }]);
    expect(restored.items[0]!.exchange.body).toMatchObject({ kind: 'text', text: '{"a":1}' });
  });
});
