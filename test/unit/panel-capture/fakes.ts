import { MemoryNetworkSource } from '../../../src/adapters/memory';
import type { CapturedContent } from '../../../src/adapters/ports';
import type { ImportBatch } from '../../../src/surfaces/panel/har-import';
import type { WorkerLike } from '../../../src/surfaces/panel/worker-analyzer';
import type { FromWorker } from '../../../src/surfaces/panel/worker-protocol';
import { harDocument, harEntry } from '../../helpers/har';

export const J = { 'Content-Type': 'application/json' };

/** A network source whose bodies arrive when the test says so. */
export class GatedSource extends MemoryNetworkSource {
  /** Release functions of bodies still being fetched, in order. */
  gates: (() => void)[] = [];

  /** A request finishes; its body is handed over only when `gates[i]()` is called (or at once). */
  respond(entry: unknown, text: string, opts: { gated?: boolean; encoding?: string } = {}) {
    const content: CapturedContent = { text, encoding: opts.encoding ?? null };
    const getContent = opts.gated
      ? () =>
          new Promise<CapturedContent>((resolve) => {
            this.gates.push(() => resolve(content));
          })
      : async () => content;
    this.finish({ entry, getContent });
  }
}

/** A Worker stand-in: records what is posted, replies and fails when told. */
export class FakeWorker implements WorkerLike {
  posted: { type: string; [k: string]: unknown }[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  postMessage(message: unknown) {
    this.posted.push(message as { type: string });
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<unknown>);
  }
  /** The worker script failed (did not load, threw, ran out of memory). */
  crash() {
    this.onerror?.(new Event('error') as ErrorEvent);
  }
  of(type: string) {
    return this.posted.filter((m) => m.type === type);
  }
  /** The import ids of the imports started, in order. */
  importIds(): string[] {
    return this.of('import').map((m) => (m.opts as { importId: string }).importId);
  }
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A HAR of `n` JSON responses under https://imp.io/<tag>/<i>. */
export function harText(n: number, tag = 'i', status = 404): string {
  return JSON.stringify(
    harDocument(
      Array.from({ length: n }, (_, i) =>
        harEntry({ url: `https://imp.io/${tag}/${i}`, status, headers: J, text: '{"error":"x"}' }),
      ),
    ),
  );
}

export const harBytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** Every notice the store shows, in order. */
export function recordNotices(store: {
  subscribe: (l: (s: { notice: string | null }) => void) => () => void;
}) {
  const notices: string[] = [];
  store.subscribe((s) => {
    if (s.notice && notices.at(-1) !== s.notice) notices.push(s.notice);
  });
  return notices;
}

export type { ImportBatch };
