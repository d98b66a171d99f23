import type { SessionWindow } from '../types';

interface Slot<V> {
  key: string;
  at: number;
  value: V;
  /** Toward the least recently written. */
  older: Slot<V> | null;
  /** Toward the most recently written. */
  newer: Slot<V> | null;
}

/**
 * A rule's memory over a session, bounded both ways (src/core/session/window.ts): at most
 * `window.entries` keys (the least recently written goes first) and nothing written more than
 * `window.ms` of capture time before the entry asking. Without times (NaN) only the count bounds it.
 *
 * The order of writing is a linked list beside the Map, not the Map's own insertion order: as a
 * queue (delete and set again on every write, evict its first key) a Map leaves a hole per
 * write, and taking its first key walks past every hole since the last rehash — in the CLI's
 * profile that made these lookups the session rules' largest cost.
 */
export class Recent<V> {
  private readonly map = new Map<string, Slot<V>>();
  private oldest: Slot<V> | null = null;
  private newest: Slot<V> | null = null;

  constructor(private readonly window: SessionWindow) {}

  get(key: string, now: number): V | undefined {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    if (now - slot.at > this.window.ms) {
      this.remove(slot);
      return undefined;
    }
    return slot.value;
  }

  set(key: string, value: V, at: number): void {
    const slot = this.map.get(key);
    if (slot) {
      slot.value = value;
      slot.at = at;
      if (slot !== this.newest) {
        this.unlink(slot);
        this.append(slot);
      }
      return;
    }
    const fresh: Slot<V> = { key, at, value, older: null, newer: null };
    this.append(fresh);
    this.map.set(key, fresh);
    if (this.map.size > this.window.entries && this.oldest) this.remove(this.oldest);
  }

  delete(key: string): void {
    const slot = this.map.get(key);
    if (slot) this.remove(slot);
  }

  get size(): number {
    return this.map.size;
  }

  private remove(slot: Slot<V>): void {
    this.unlink(slot);
    this.map.delete(slot.key);
  }

  private unlink(slot: Slot<V>): void {
    if (slot.older) slot.older.newer = slot.newer;
    else this.oldest = slot.newer;
    if (slot.newer) slot.newer.older = slot.older;
    else this.newest = slot.older;
    slot.older = slot.newer = null;
  }

  private append(slot: Slot<V>): void {
    slot.older = this.newest;
    slot.newer = null;
    if (this.newest) this.newest.newer = slot;
    else this.oldest = slot;
    this.newest = slot;
  }
}
