import type { UserProfiles } from '../../core/profiles/user';
import type { ProfileStore } from '../ports';

export class MemoryProfileStore implements ProfileStore {
  private listeners = new Set<(p: UserProfiles) => void>();
  saved: UserProfiles[] = [];
  constructor(public current: UserProfiles = { profiles: [] }) {}
  async load() {
    return structuredClone(this.current);
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
