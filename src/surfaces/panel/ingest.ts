import type { CapturedRequest } from '../../adapters/ports';
import type { Body, Exchange } from '../../core/exchange/types';
import { contentToBody, isBinaryMime, undecodedBodyNote } from '../../core/har/body';
import { normalizeHarEntry } from '../../core/har/normalize';
import { bodyCapNote, capBody, overBodyCap } from '../../core/engine/body-cap';

export interface Ingested {
  exchange: Exchange;
  bodyNote?: string;
}

/**
 * Turns one DevTools request into an exchange, fetching its body only when it is text and
 * under the cap: a body over the cap is analysed by headers only, and the row says so.
 */
export async function ingestRequest(
  request: CapturedRequest,
  id: string,
  bodyCap: number,
): Promise<Ingested | { error: string }> {
  const result = normalizeHarEntry(request.entry, id);
  if (!result.ok) return { error: result.error };
  const exchange = result.exchange;
  if (exchange.status === 0 || exchange.body.kind === 'empty') return { exchange };
  // The recorded size says so before the body is fetched: do not pull it into memory at all
  // (nor keep a fetcher that would: an image over the cap is not shown later either).
  if (overBodyCap(exchange.size, bodyCap)) {
    exchange.body = { kind: 'unknown', reason: 'too-large', size: exchange.size };
    return { exchange, bodyNote: bodyCapNote(exchange.size, bodyCap) };
  }
  // A body the entry already carries (a recorder's, a HAR's) is held to the same cap.
  const inlineCapNote = capBody(exchange, bodyCap);
  if (inlineCapNote !== undefined) return { exchange, bodyNote: inlineCapNote };
  if (isBinaryMime(exchange.mimeType)) {
    exchange.body = {
      kind: 'unknown',
      reason: 'binary-not-fetched',
      ...(exchange.size > 0 ? { size: exchange.size } : {}),
    };
    return { exchange };
  }
  if (exchange.body.kind !== 'unknown') return { exchange };
  let body: Body;
  try {
    const { text, encoding } = await request.getContent();
    // Size unknown: a missing text was not captured, an empty one is an empty body.
    const size = exchange.size >= 0 ? exchange.size : text === '' ? 0 : 1;
    body = contentToBody(text, encoding, exchange.mimeType, size);
  } catch {
    body = { kind: 'unknown', reason: 'not-captured' };
  }
  exchange.body = body;
  const capNote = capBody(exchange, bodyCap);
  if (capNote !== undefined) return { exchange, bodyNote: capNote };
  const undecoded = undecodedBodyNote(body);
  if (undecoded !== undefined) return { exchange, bodyNote: undecoded };
  if (body.kind === 'unknown')
    return { exchange, bodyNote: 'DevTools no longer holds this body: analysed by headers only.' };
  return { exchange };
}
