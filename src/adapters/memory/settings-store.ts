import { defaultSettings, type Settings } from '../../core/settings/schema';
import type { SaveOutcome, SettingsStore } from '../ports';
import { HeldLoads } from './held-loads';

export class MemorySettingsStore implements SettingsStore {
  private listeners = new Set<(s: Settings) => void>();
  saved: Settings[] = [];
  /** What the next saves resolve to (a save rejects when it is an Error). */
  outcome: SaveOutcome | Error = { storedIn: 'sync' };
  private loads = new HeldLoads();
  constructor(public current: Settings = defaultSettings()) {}
  /**
   * Makes loads slow, as a busy chrome.storage is: each reads what is stored when called, and
   * answers only once the function returned is called.
   */
  holdLoads(): () => void {
    return this.loads.hold();
  }
  load() {
    return this.loads.answer(structuredClone(this.current));
  }
  async save(settings: Settings) {
    if (this.outcome instanceof Error) throw this.outcome;
    this.current = structuredClone(settings);
    this.saved.push(this.current);
    for (const l of this.listeners) l(structuredClone(settings));
    return this.outcome;
  }
  subscribe(listener: (s: Settings) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
