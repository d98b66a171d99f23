import type { Body } from '../../core/exchange/types';
import type { ImportBatch } from './har-import';
import { isObjectOrArray } from '../../core/json/walk';

/**
 * Large bodies of imported rows cross from the analysis worker to the panel as bytes moved (a
 * transferred ArrayBuffer), not as strings copied. A string in a message is copied into fresh
 * memory on the panel's thread while the message is read: for a 5 MB body that read alone took
 * 50–85 ms of the thread's CPU during a 600 MB import (the machine's page faults, not the copy),
 * on top of the rows' rendering. Moved bytes cost nothing to receive; the text is decoded the
 * first time something reads it (the Body tab, an export), once.
 */

/** Bodies at least this many characters long are moved. */
export const MOVED_BODY_CHARS = 64 * 1024;

/** One moved body: the batch item it belongs to, and its text as UTF-8. */
export interface MovedBody {
  item: number;
  bytes: ArrayBuffer;
}

/**
 * Decoding UTF-8 gives back exactly the text encoded only when the text has no lone surrogate
 * (a `\ud800` escape in a JSON body); such a body is copied as text instead.
 */
const wellFormed = (text: string): boolean =>
  (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;

/**
 * Worker side: the batch to post, with each large body's text taken out (the worker's own
 * exchanges are left whole), the moved bodies, and the buffers to transfer.
 */
export function moveLargeBodies(batch: ImportBatch): {
  batch: ImportBatch;
  moved: MovedBody[];
  transfer: ArrayBuffer[];
} {
  const moved: MovedBody[] = [];
  const encoder = new TextEncoder();
  const items = batch.items.map((item, i) => {
    const body = item.exchange.body;
    if (body.kind !== 'text' || body.text.length < MOVED_BODY_CHARS || !wellFormed(body.text)) return item;
    const bytes = encoder.encode(body.text);
    moved.push({ item: i, bytes: bytes.buffer as ArrayBuffer });
    return {
      ...item,
      exchange: { ...item.exchange, body: { kind: 'text' as const, size: body.size, text: '' } },
    };
  });
  if (moved.length === 0) return { batch, moved, transfer: [] };
  return { batch: { ...batch, items }, moved, transfer: moved.map((m) => m.bytes) };
}

/** A text body whose text is decoded from `bytes` when first read, then kept (and the bytes let go). */
export function lazyTextBody(bytes: ArrayBuffer, size: number): Extract<Body, { kind: 'text' }> {
  let held: ArrayBuffer | null = bytes;
  let text = '';
  return {
    kind: 'text',
    size,
    get text() {
      if (held) {
        text = new TextDecoder().decode(held);
        held = null;
      }
      return text;
    },
  };
}

/** Panel side: puts each moved body back into its item, to be decoded when read. */
export function restoreMovedBodies(batch: ImportBatch, moved: readonly MovedBody[]): ImportBatch {
  for (const m of moved) {
    const item = batch.items[m.item];
    if (!item || item.exchange.body.kind !== 'text') continue;
    item.exchange.body = lazyTextBody(m.bytes, item.exchange.body.size);
  }
  return batch;
}

/** The receiving end's guard for a message's moved bodies. */
export function isMovedBodies(v: unknown): v is MovedBody[] {
  return (
    Array.isArray(v) &&
    v.every((m: unknown) => isObjectOrArray(m) && Number.isInteger(m.item) && m.bytes instanceof ArrayBuffer)
  );
}
