import type { WebRequestEvent, WebRequestSource } from '../ports';

export class MemoryWebRequestSource implements WebRequestSource {
  private listeners = new Set<(e: WebRequestEvent) => void>();
  constructor(public isAvailable = true) {}
  available() {
    return this.isAvailable;
  }
  subscribe(listener: (e: WebRequestEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  /** Test side: Chrome reports a request event. */
  emit(event: WebRequestEvent) {
    for (const l of this.listeners) l(event);
  }
  get listenerCount() {
    return this.listeners.size;
  }
}
