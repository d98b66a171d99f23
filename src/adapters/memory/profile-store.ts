import type { UserProfiles } from '../../core/profiles/user';
import type { ProfileStore } from '../ports';

export class MemoryProfileStore implements ProfileStore {
  private listeners = new Set<(p: UserProfiles) => void>();
  saved: UserProfiles[] = [];
  private held: Promise<void> | null = null;
  constructor(public current: UserProfiles = { profiles: [] }) {}
  /**
   * Makes loads slow, as a busy chrome.storage is: each reads what is stored when called, and
   * answers only once the function returned is called (as MemorySettingsStore's).
   */
  holdLoads(): () => void {
    let release!: () => void;
    this.held = new Promise((r) => (release = r));
    return () => {
      this.held = null;
      release();
    };
  }
  async load() {
    const read = structuredClone(this.current);
    if (this.held) await this.held;
    return read;
  }
  async save(profiles: UserProfiles) {
    this.current = structuredClone(profiles);
    this.saved.push(this.current);
    for (const l of this.listeners) l(structuredClone(profiles));
  }
  subscribe(listener: (p: UserProfiles) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
