import type { UserProfiles } from '../../core/profiles/user';
import type { ProfileStore } from '../ports';
import { HeldLoads } from './held-loads';

export class MemoryProfileStore implements ProfileStore {
  private listeners = new Set<(p: UserProfiles) => void>();
  saved: UserProfiles[] = [];
  private loads = new HeldLoads();
  constructor(public current: UserProfiles = { profiles: [] }) {}
  /** Makes loads slow, as MemorySettingsStore's holdLoads() does. */
  holdLoads(): () => void {
    return this.loads.hold();
  }
  load() {
    return this.loads.answer(structuredClone(this.current));
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
