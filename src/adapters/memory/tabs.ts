import type { TabsPort } from '../ports';

export class MemoryTabs implements TabsPort {
  optionsOpened = 0;
  constructor(public activeId: number | undefined = 1) {}
  async activeTabId() {
    return this.activeId;
  }
  openOptions() {
    this.optionsOpened++;
  }
}
