import type { SessionWindow } from '../types';

/**
 * A rule's memory over a session, bounded both ways (src/core/session/window.ts): at most
 * `window.entries` keys (the least recently written goes first) and nothing written more than
 * `window.ms` of capture time before the entry asking. Without times (NaN) only the count bounds it.
 */
export class Recent<V> {
  private readonly map = new Map<string, { at: number; value: V }>();

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
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
