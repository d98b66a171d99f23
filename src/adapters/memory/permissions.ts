import type { PermissionsPort } from '../ports';

export class MemoryPermissions implements PermissionsPort {
  constructor(
    public granted = false,
    public userAccepts = true,
  ) {}
  requests = 0;
  removals = 0;
  private listeners = new Set<(granted: boolean) => void>();
  async requestMonitoring() {
    this.requests++;
    if (this.userAccepts && !this.granted) this.setGranted(true);
    return this.granted;
  }
  async removeMonitoring() {
    this.removals++;
    if (this.granted) this.setGranted(false);
  }
  async hasMonitoring() {
    return this.granted;
  }
  onChanged(listener: (granted: boolean) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  /** Test side: the grant changes (from this page, another one, or chrome://extensions). */
  setGranted(granted: boolean) {
    this.granted = granted;
    for (const l of this.listeners) l(granted);
  }
}
