import type { BlobArea } from '../ports';

/** IndexedDB in memory: values copied in and out (structured clone), no events, no quota. */
export class MemoryBlobArea implements BlobArea {
  readonly items = new Map<string, unknown>();
  async get(key: string) {
    const v = this.items.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  async put(key: string, value: unknown) {
    this.items.set(key, structuredClone(value));
  }
  async delete(key: string) {
    this.items.delete(key);
  }
  async keys(prefix: string) {
    // In key order, as IndexedDB lists them (its string keys compare by UTF-16 code units, as here).
    return [...this.items.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
