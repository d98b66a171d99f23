import type { StorageArea } from '../ports';

/**
 * A chrome.storage area in memory, with Chrome's quotas and messages: an item over
 * `quotaBytesPerItem` (key + JSON of the value, in bytes) or a total over `quotaBytes` is
 * refused as Chrome refuses it, and nothing of that call is stored. Values are copied
 * through JSON, and changes are told to every listener (any context) after the call.
 */
export class MemoryStorageArea implements StorageArea {
  readonly items = new Map<string, unknown>();
  private listeners = new Set<(changes: Record<string, { newValue?: unknown }>) => void>();
  /** Set to make the next set() fail with this message (e.g. a write-rate limit). */
  failNextSet: string | undefined;
  /** Set to make the next get() fail with this message (Chrome refusing a read). */
  failNextGet: string | undefined;
  writes = 0;

  constructor(
    readonly quotaBytesPerItem = Infinity,
    readonly quotaBytes = Infinity,
  ) {}

  /** chrome.storage.sync's quotas: 8 KB per item, 100 KB in all. */
  static sync(): MemoryStorageArea {
    return new MemoryStorageArea(8192, 102400);
  }

  /** chrome.storage.local without unlimitedStorage: 10 MB. */
  static local(): MemoryStorageArea {
    return new MemoryStorageArea(Infinity, 10 * 1024 * 1024);
  }

  private static bytes(key: string, value: unknown): number {
    return new TextEncoder().encode(key + JSON.stringify(value)).length;
  }

  async get(key: string) {
    if (this.failNextGet !== undefined) {
      const message = this.failNextGet;
      this.failNextGet = undefined;
      throw new Error(message);
    }
    const v = this.items.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
  }

  async set(items: Record<string, unknown>) {
    if (this.failNextSet !== undefined) {
      const message = this.failNextSet;
      this.failNextSet = undefined;
      throw new Error(message);
    }
    let total = 0;
    for (const [k, v] of this.items) if (!(k in items)) total += MemoryStorageArea.bytes(k, v);
    for (const [k, v] of Object.entries(items)) {
      const n = MemoryStorageArea.bytes(k, v);
      if (n > this.quotaBytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      total += n;
    }
    if (total > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      this.items.set(k, JSON.parse(JSON.stringify(v)));
      changes[k] = { newValue: JSON.parse(JSON.stringify(v)) };
    }
    this.writes++;
    this.tell(changes);
  }

  async remove(key: string) {
    if (!this.items.has(key)) return;
    this.items.delete(key);
    this.tell({ [key]: {} });
  }

  onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private tell(changes: Record<string, { newValue?: unknown }>) {
    // Chrome tells listeners after the call resolves, as a separate event.
    setTimeout(() => {
      for (const l of this.listeners) l(changes);
    }, 0);
  }
}
