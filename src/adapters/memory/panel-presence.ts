import type { PanelPresence } from '../ports';

export class MemoryPanelPresence implements PanelPresence {
  private attached = new Map<number, () => void>();
  attach(tabId: number, onClearRequested: () => void) {
    this.attached.set(tabId, onClearRequested);
    return () => void this.attached.delete(tabId);
  }
  isAttached(tabId: number) {
    return this.attached.has(tabId);
  }
  /** Test side: the user cleared the tab from the popup. */
  requestClear(tabId: number) {
    this.attached.get(tabId)?.();
  }
}
