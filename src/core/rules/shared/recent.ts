import type { SessionWindow } from '../types';

/**
 * A rule's memory over a session, bounded both ways (src/core/session/window.ts): at most
 * `window.entries` keys (the least recently written goes first) and nothing written more than
 * `window.ms` of capture time before the entry asking. Without times (NaN) only the count bounds it.
 */
export class Recent<V> {
  private readonly map = new Map<string, { at: number; value: V }>();
  /**
   * Walks the keys oldest first to evict them, kept from one eviction to the next. A map's
   * order is the order of writing (`set` moves a key to the end), so the least recently written
   * key is the first one the walk has not passed: every key before it was evicted by it. A fresh
   * walk per eviction stepped again over every slot deleted since the table was last rebuilt
   * (about one per eviction): most of what these maps cost the CLI on a long capture.
   */
  private oldest: Iterator<string> | undefined;

  constructor(private readonly window: SessionWindow) {}

  get(key: string, now: number): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (now - hit.at > this.window.ms) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, at: number): void {
    this.map.delete(key);
    this.map.set(key, { at, value });
    if (this.map.size > this.window.entries) {
      let next = (this.oldest ??= this.map.keys()).next();
      // A finished walk sees no later key (iterators end for good): start another.
      if (next.done) next = (this.oldest = this.map.keys()).next();
      if (!next.done) this.map.delete(next.value);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
